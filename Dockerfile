# Build and run NetworkingBot as one container (the generic-host worker).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/NetworkingBot/NetworkingBot.csproj -c Release -o /app

FROM mcr.microsoft.com/dotnet/runtime:10.0
WORKDIR /app
COPY --from=build /app .
VOLUME /data
ENTRYPOINT ["dotnet", "NetworkingBot.dll"]
