// The shared service plumbing (src/Cchc.ServiceKit), imported by type so the service's own names stay unambiguous.
global using DomainException = Cchc.ServiceKit.DomainException;
global using Validator = Cchc.ServiceKit.Validator;
