@echo off
rem zdm: lint Flyway migrations for zero-downtime safety (flyway-zdm). Needs Java 17+ (JAVA_HOME or PATH).
rem JVM flags for a short call (C1 only, serial GC, no perf data) and an application class-data archive written on
rem the first call into %ZDM_CACHE_DIR% (default %LOCALAPPDATA%\flyway-zdm) and used from then on; a JDK that cannot
rem use it ignores it silently. ZDM_CDS=off disables it; JAVA_OPTS adds JVM flags.
setlocal
set "ZDM_JAR=%~dp0..\lib\flyway-zdm-cli.jar"
if defined JAVA_HOME (
  set "ZDM_JAVA=%JAVA_HOME%\bin\java.exe"
) else (
  set "ZDM_JAVA=java"
)
set ZDM_FLAGS=-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off %JAVA_OPTS%

if /i "%ZDM_CDS%"=="off" goto plain
if not defined ZDM_CACHE_DIR set "ZDM_CACHE_DIR=%LOCALAPPDATA%\flyway-zdm"
rem one archive per JDK binary and distribution: their time stamps and sizes name it
for %%F in ("%ZDM_JAR%") do set "ZDM_KEY=%%~zF-%%~tF"
if defined JAVA_HOME for %%F in ("%ZDM_JAVA%") do set "ZDM_KEY=%ZDM_KEY%-%%~zF-%%~tF"
set "ZDM_KEY=%ZDM_KEY: =_%"
set "ZDM_KEY=%ZDM_KEY::=_%"
set "ZDM_KEY=%ZDM_KEY:/=_%"
set "ZDM_KEY=%ZDM_KEY:\=_%"
set "ZDM_ARCHIVE=%ZDM_CACHE_DIR%\zdm-%ZDM_KEY%.jsa"
if exist "%ZDM_ARCHIVE%" (
  "%ZDM_JAVA%" -XX:SharedArchiveFile="%ZDM_ARCHIVE%" %ZDM_FLAGS% -cp "%ZDM_JAR%" io.github.flywayzdm.cli.Zdm %*
  exit /b %ERRORLEVEL%
)
if not exist "%ZDM_CACHE_DIR%" mkdir "%ZDM_CACHE_DIR%" 2>nul
if not exist "%ZDM_CACHE_DIR%" goto plain
set "ZDM_TMP=%ZDM_ARCHIVE%.%RANDOM%.tmp"
"%ZDM_JAVA%" -XX:ArchiveClassesAtExit="%ZDM_TMP%" -Dzdm.cds.training=true %ZDM_FLAGS% -cp "%ZDM_JAR%" io.github.flywayzdm.cli.Zdm %*
set ZDM_STATUS=%ERRORLEVEL%
if exist "%ZDM_TMP%" (
  "%ZDM_JAVA%" -Xshare:on -XX:SharedArchiveFile="%ZDM_TMP%" %ZDM_FLAGS% -cp "%ZDM_JAR%" io.github.flywayzdm.cli.Zdm --version >nul 2>&1 && move /y "%ZDM_TMP%" "%ZDM_ARCHIVE%" >nul 2>&1
  if exist "%ZDM_TMP%" del /q "%ZDM_TMP%" >nul 2>&1
)
exit /b %ZDM_STATUS%

:plain
"%ZDM_JAVA%" %ZDM_FLAGS% -cp "%ZDM_JAR%" io.github.flywayzdm.cli.Zdm %*
exit /b %ERRORLEVEL%
