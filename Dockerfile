# Build and run NetworkingBot as one container (the generic-host worker).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src

# The project files first, then the restore: a change to the sources reuses the restored layer.
COPY NetworkingBot.sln Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/NetworkingBot.Core/NetworkingBot.Core.csproj src/NetworkingBot.Core/
COPY src/NetworkingBot.Discord/NetworkingBot.Discord.csproj src/NetworkingBot.Discord/
COPY src/NetworkingBot.Slack/NetworkingBot.Slack.csproj src/NetworkingBot.Slack/
COPY src/NetworkingBot.Charts/NetworkingBot.Charts.csproj src/NetworkingBot.Charts/
COPY src/NetworkingBot.Storage.Sqlite/NetworkingBot.Storage.Sqlite.csproj src/NetworkingBot.Storage.Sqlite/
COPY src/NetworkingBot.Storage.Redis/NetworkingBot.Storage.Redis.csproj src/NetworkingBot.Storage.Redis/
COPY src/NetworkingBot/NetworkingBot.csproj src/NetworkingBot/
RUN dotnet restore src/NetworkingBot/NetworkingBot.csproj

COPY src/ src/
RUN dotnet publish src/NetworkingBot/NetworkingBot.csproj -c Release -o /app --no-restore

# The host needs only the .NET runtime (no ASP.NET Core): Microsoft.Extensions.Hosting, Quartz, SQLite. Charts need
# nothing more: SkiaSharp's native library links only libc and the font is embedded (docs/OPERATIONS.md).
FROM mcr.microsoft.com/dotnet/runtime:10.0
WORKDIR /app
COPY --from=build /app .

# The images' non-root user ("app", $APP_UID) owns /data, where the SQLite file lives; a new named volume
# mounted there takes this ownership.
RUN mkdir -p /data && chown "$APP_UID" /data
ENV State__Sqlite__Path=/data/networkingbot.db
VOLUME /data
USER $APP_UID
ENTRYPOINT ["dotnet", "NetworkingBot.dll"]
