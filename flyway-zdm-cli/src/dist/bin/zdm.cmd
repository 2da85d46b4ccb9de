@echo off
rem zdm: lint Flyway migrations for zero-downtime safety (flyway-zdm). Needs Java 17+ (JAVA_HOME or PATH).
rem The same steps as bin/zdm: JVM flags for a short call (C1 only, serial GC, no perf data) and an archive made on
rem the first call into %ZDM_CACHE_DIR% (default %LOCALAPPDATA%\flyway-zdm), checked, and used from then on: an AOT
rem cache on JDK 25+, an AppCDS archive on JDK 17-24; a JDK that cannot use it ignores it silently. ZDM_CDS=off
rem disables it; JAVA_OPTS adds JVM flags. Unlike bin/zdm the archive's key has no JAVA_OPTS (cmd has no hash); the
rem JVM refuses an archive made with other flags silently.
setlocal
set "ZDM_JAR=%~dp0..\lib\flyway-zdm-cli.jar"
set ZDM_MAIN=io.github.flywayzdm.cli.Zdm
if defined JAVA_HOME (
  set "ZDM_JAVA=%JAVA_HOME%\bin\java.exe"
) else (
  set "ZDM_JAVA=java"
)
rem the user's JVM options: ours, and those every java reads from the environment (a CI image may set them)
set "ZDM_USER_OPTS=%JAVA_OPTS% %JAVA_TOOL_OPTIONS% %JDK_JAVA_OPTIONS%"
rem options that choose a collector win: the JVM refuses to start with two (-XX:+UseG1GC next to ours)
set ZDM_GC=-XX:+UseSerialGC -Xmn16m
echo(%ZDM_USER_OPTS%| findstr /i /r /c:"Use[A-Za-z0-9]*GC" >nul && set ZDM_GC=
set ZDM_FLAGS=-XX:TieredStopAtLevel=1 %ZDM_GC% -XX:-UsePerfData
rem the JVM warns on stdout of an archive it cannot use, which would break JSON or SARIF there
set ZDM_QUIET=-Xlog:cds=off -Xlog:cds+dynamic=off
set "ZDM_QUIET_AOT=-Xlog:aot*=off -Xlog:cds*=off"

rem options that choose an archive themselves would clash with ours
rem (one line, not a block: a ")" in JAVA_OPTS would end a block)
echo(%ZDM_USER_OPTS%| findstr /i /c:"-Xshare:" /c:"SharedArchiveFile" /c:"ArchiveClassesAtExit" /c:"AOTCache" /c:"AOTMode" /c:"AOTConfiguration" >nul && set ZDM_CDS=off
rem one C1 thread with an AppCDS archive, as in bin/zdm, unless the options choose the compilers (tiered needs two)
set ZDM_APPCDS=-XX:CICompilerCount=1
echo(%ZDM_USER_OPTS%| findstr /i /c:"Tiered" /c:"CICompilerCount" >nul && set ZDM_APPCDS=
if /i "%ZDM_CDS%"=="off" goto plain
if not defined ZDM_CACHE_DIR set "ZDM_CACHE_DIR=%LOCALAPPDATA%\flyway-zdm"
rem one archive per JDK binary and distribution: their time stamps and sizes name it
for %%F in ("%ZDM_JAR%") do set "ZDM_KEY=%%~zF-%%~tF"
if defined JAVA_HOME for %%F in ("%ZDM_JAVA%") do set "ZDM_KEY=%ZDM_KEY%-%%~zF-%%~tF"
set "ZDM_KEY=%ZDM_KEY: =_%"
set "ZDM_KEY=%ZDM_KEY::=_%"
set "ZDM_KEY=%ZDM_KEY:/=_%"
set "ZDM_KEY=%ZDM_KEY:\=_%"

rem an archive's name ends in its size: one whose size is not its name's (truncated) is never used (JDK 17 crashes)
call :find
if defined ZDM_ARCHIVE goto archived

if not exist "%ZDM_CACHE_DIR%" mkdir "%ZDM_CACHE_DIR%" 2>nul
if not exist "%ZDM_CACHE_DIR%" goto plain
rem first call with this JDK: a damaged archive of this key goes
del /q "%ZDM_CACHE_DIR%\zdm-%ZDM_KEY%-*.aot" "%ZDM_CACHE_DIR%\zdm-%ZDM_KEY%-*.jsa" >nul 2>&1
set "ZDM_TMP=%ZDM_CACHE_DIR%\zdm-%ZDM_KEY%.%RANDOM%%RANDOM%.tmp"
call :version
if %ZDM_VERSION% GEQ 25 goto first_aot

rem JDK 17-24: the command writes the archive at exit, and lints the bundled history too (-Dzdm.cds.training)
"%ZDM_JAVA%" %ZDM_FLAGS% -Xshare:auto %ZDM_QUIET% -XX:ArchiveClassesAtExit="%ZDM_TMP%" -Dzdm.cds.training=true %JAVA_OPTS% -cp "%ZDM_JAR%" %ZDM_MAIN% %*
set ZDM_STATUS=%ERRORLEVEL%
if exist "%ZDM_TMP%" "%ZDM_JAVA%" %ZDM_FLAGS% -Xshare:on %ZDM_QUIET% -XX:SharedArchiveFile="%ZDM_TMP%" %JAVA_OPTS% -cp "%ZDM_JAR%" %ZDM_MAIN% --version <nul >nul 2>&1 && call :keep jsa
if exist "%ZDM_TMP%" del /q "%ZDM_TMP%" >nul 2>&1
exit /b %ZDM_STATUS%

:first_aot
rem JDK 25+: a training JVM of its own writes the AOT cache (its output, which the JVM adds to, is discarded); the
rem command then runs with the new cache like every later call
"%ZDM_JAVA%" %ZDM_FLAGS% -XX:AOTCacheOutput="%ZDM_TMP%" -Dzdm.cds.training=true %JAVA_OPTS% -cp "%ZDM_JAR%" %ZDM_MAIN% --version <nul >nul 2>&1
if exist "%ZDM_TMP%" "%ZDM_JAVA%" %ZDM_FLAGS% %ZDM_QUIET_AOT% -XX:AOTMode=on -XX:AOTCache="%ZDM_TMP%" %JAVA_OPTS% -cp "%ZDM_JAR%" %ZDM_MAIN% --version <nul >nul 2>&1 && call :keep aot
if exist "%ZDM_TMP%" del /q "%ZDM_TMP%" >nul 2>&1
if exist "%ZDM_TMP%.config" del /q "%ZDM_TMP%.config" >nul 2>&1
call :find
if defined ZDM_ARCHIVE goto archived
goto plain

:archived
if /i "%ZDM_ARCHIVE:~-4%"==".aot" goto run_aot
"%ZDM_JAVA%" %ZDM_FLAGS% %ZDM_APPCDS% -Xshare:auto %ZDM_QUIET% -XX:SharedArchiveFile="%ZDM_ARCHIVE%" %JAVA_OPTS% -cp "%ZDM_JAR%" %ZDM_MAIN% %*
exit /b %ERRORLEVEL%

:run_aot
"%ZDM_JAVA%" %ZDM_FLAGS% %ZDM_QUIET_AOT% -XX:AOTCache="%ZDM_ARCHIVE%" %JAVA_OPTS% -cp "%ZDM_JAR%" %ZDM_MAIN% %*
exit /b %ERRORLEVEL%

:plain
"%ZDM_JAVA%" %ZDM_FLAGS% %ZDM_QUIET% %JAVA_OPTS% -cp "%ZDM_JAR%" %ZDM_MAIN% %*
exit /b %ERRORLEVEL%

rem ZDM_ARCHIVE: a whole archive of this key (its size is the one in its name), or undefined
:find
set "ZDM_ARCHIVE="
for %%A in ("%ZDM_CACHE_DIR%\zdm-%ZDM_KEY%-*.aot" "%ZDM_CACHE_DIR%\zdm-%ZDM_KEY%-*.jsa") do (
  if /i "%%~nxA"=="zdm-%ZDM_KEY%-%%~zA%%~xA" set "ZDM_ARCHIVE=%%~fA"
)
exit /b 0

rem keeps the checked %ZDM_TMP% as this key's archive of kind %1, unless a parallel first call has kept one meanwhile
:keep
call :find
if defined ZDM_ARCHIVE exit /b 0
for %%T in ("%ZDM_TMP%") do move /y "%ZDM_TMP%" "%ZDM_CACHE_DIR%\zdm-%ZDM_KEY%-%%~zT.%1" >nul 2>&1
exit /b 0

rem ZDM_VERSION: the JDK's feature version from its release file (JAVA_HOME or next to java on PATH), else java -version
:version
set ZDM_VERSION=0
set "ZDM_RELEASE="
if defined JAVA_HOME (
  set "ZDM_RELEASE=%JAVA_HOME%\release"
) else (
  for %%J in (java.exe) do if not "%%~$PATH:J"=="" set "ZDM_RELEASE=%%~dp$PATH:J..\release"
)
if defined ZDM_RELEASE if exist "%ZDM_RELEASE%" (
  for /f "tokens=2 delims==" %%V in ('findstr /b "JAVA_VERSION=" "%ZDM_RELEASE%"') do set "ZDM_VERSION=%%~V"
)
if "%ZDM_VERSION%"=="0" (
  for /f "tokens=3" %%V in ('"%ZDM_JAVA%" -version 2^>^&1 ^| findstr /i /c:" version "') do set "ZDM_VERSION=%%~V"
)
for /f "delims=.-+_ " %%V in ("%ZDM_VERSION%") do set "ZDM_VERSION=%%V"
set /a ZDM_VERSION=%ZDM_VERSION% 2>nul || set ZDM_VERSION=0
exit /b 0
