// The shared service plumbing (src/Cchc.ServiceKit), imported by type so the service's own names stay unambiguous.
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
global using InputDomain = Cchc.ServiceKit.InputDomain;
global using TimeKind = Cchc.ServiceKit.TimeKind;
// Stored state → wire messages, as the other services' Grpc/WireMapping.cs.
global using static Cchc.Procedures.Api.Grpc.WireMapping;
