using Hearth.Web.Tests.Infrastructure;

// Every browser journey starts Chromium and a real Kestrel host: the inner loop
// (dotnet test --filter "Speed!=Slow") leaves them out; CI runs them all.
[assembly: Slow("Chromium and a real Kestrel host for every journey")]
