// The shared service plumbing (src/Cchc.ServiceKit) the procedures service uses, imported by type as in the service.
global using static Cchc.ServiceKit.ConflictRetry;
global using static Cchc.ServiceKit.SnakeCaseNames;
global using DomainException = Cchc.ServiceKit.DomainException;
global using DomainExceptionInterceptor = Cchc.ServiceKit.DomainExceptionInterceptor;
global using ErrorKind = Cchc.ServiceKit.ErrorKind;
global using FieldViolation = Cchc.ServiceKit.FieldViolation;
global using Instant = Cchc.ServiceKit.Instant;
global using IsoDate = Cchc.ServiceKit.IsoDate;
global using PageToken = Cchc.ServiceKit.PageToken;
global using Validator = Cchc.ServiceKit.Validator;
