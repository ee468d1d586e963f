; Inno Setup 6 script: the Windows installer of SM6 Design Studio. Built by packaging/windows/build.ps1 (and so by
; .github/workflows/installers.yml), which passes the flavour, the version and where the PyInstaller bundle is:
;
;   ISCC /DFlavor=cuda /DAppVersion=0.1.0 /DBundle=..\..\build\cuda\dist\sm6-studio /DIcons=..\..\build\cuda\icons
;        /DOutputDir=..\..\dist packaging\windows\sm6-studio.iss
;
; Per-user by default (no administrator needed, into %LOCALAPPDATA%\Programs); the first page offers an install for
; every account (Program Files). The CPU and the CUDA build share one AppId, so either replaces the other in place.
; Designs, wallets and settings are not in here: the app keeps them in %APPDATA% / %LOCALAPPDATA% (platformdirs), so
; they survive upgrades and, unless the person asks otherwise, the uninstall. This file is UTF-8 without a BOM (read as
; such since Inno Setup 6.3): the Korean messages below depend on it.

#if VER < EncodeVer(6, 5, 0)
  #error Inno Setup 6.5 or newer is needed (ExecAndCaptureOutput, the Korean messages, x64compatible)
#endif
#ifndef Flavor
  #define Flavor "cpu"
#endif
#if Flavor != "cpu" && Flavor != "cuda"
  #error Flavor is cpu or cuda (ISCC /DFlavor=cpu)
#endif
#ifndef AppVersion
  #error Pass the version: ISCC /DAppVersion=0.1.0 (build.ps1 reads it from the build description)
#endif
#ifndef Bundle
  #define Bundle "..\..\build\" + Flavor + "\dist\sm6-studio"
#endif
#ifndef Icons
  #define Icons "..\..\build\" + Flavor + "\icons"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist"
#endif
#if Flavor == "cuda"
  #define PackageName "sm6-studio-cuda"
  #define FlavorName "CUDA"
#else
  #define PackageName "sm6-studio"
  #define FlavorName "CPU"
#endif
#define AppName "SM6 Design Studio"
#define GuiExe "SM6 Studio.exe"
#define CliExe "sm6-studio.exe"

[Setup]
; Never change: Windows finds an earlier install (either flavour) by this id and upgrades it in place.
AppId={{CA6ED393-1B7A-4C07-BD05-15F098D7F68A}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion} ({#FlavorName})
AppPublisher=SM6 Design Studio
UninstallDisplayName={#AppName} ({#FlavorName})
UninstallDisplayIcon={app}\{#GuiExe}
VersionInfoProductName={#AppName}
VersionInfoDescription={#AppName} installer ({#FlavorName} build)
DefaultDirName={autopf}\SM6 Studio
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
SetupIconFile={#Icons}\sm6-studio.ico
WizardStyle=modern
OutputDir={#OutputDir}
OutputBaseFilename={#PackageName}_{#AppVersion}_windows-x64-setup
; torch is most of the bundle (the CUDA build about 5 GB): normal LZMA2 in several threads keeps CI within its hour.
Compression=lzma2/normal
SolidCompression=yes
LZMAUseSeparateProcess=yes
LZMANumBlockThreads=4
; An upgrade closes a running copy (Restart Manager); the kiosk's watchdog starts it again, so Setup does not.
CloseApplications=yes
RestartApplications=no
ShowLanguageDialog=auto

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "ko"; MessagesFile: "compiler:Languages\Korean.isl"

[CustomMessages]
en.ModelsTitle=Models folder
en.ModelsDescription=Where should SM6 Design Studio look for Stable Diffusion models?
en.ModelsExplain=Model weights are not part of this installer. Put .safetensors files or model folders in this folder (or import them in the app); they stay when the app is upgraded or uninstalled.
en.ModelsFullPath=Enter a full folder path, with its drive letter (C:\...) or a network path (\\server\share\...).
en.ModelsNotCreated=The models folder %1 could not be created. Choose another folder in the app's Settings, or create it yourself.
en.InstallFileNotWritten=The installer could not write %1. The app will use the models folder in your own data folder instead.
en.ShowroomGroup=Showroom kiosk:
en.KioskAtBoot=Start the showroom kiosk when this account signs in
en.KioskNotOn=The showroom kiosk was not set to start at sign-in:%n%n%1%n%nSet it up in the app first (a staff PIN), then run "sm6-studio kiosk-at-boot on" or install again with this option.
en.RemoveDataQuestion=Also remove your designs, settings and wallets?%n%nThe wallets' keys would be lost with them: any KAIA or tokens they hold could no longer be spent. Choose No to keep everything for a later install.
en.RemoveDataFailed=Your designs, settings and wallets could not all be removed:%n%n%1
ko.ModelsTitle=모델 폴더
ko.ModelsDescription=SM6 Design Studio가 Stable Diffusion 모델을 찾을 폴더를 선택하세요.
ko.ModelsExplain=모델 가중치는 이 설치 프로그램에 포함되어 있지 않습니다. .safetensors 파일이나 모델 폴더를 이 폴더에 넣으세요(또는 앱에서 가져오기). 앱을 업그레이드하거나 제거해도 그대로 남습니다.
ko.ModelsFullPath=드라이브 문자(C:\...)나 네트워크 경로(\\server\share\...)를 포함한 전체 폴더 경로를 입력하세요.
ko.ModelsNotCreated=모델 폴더 %1을(를) 만들 수 없습니다. 앱의 설정에서 다른 폴더를 선택하거나 직접 만드세요.
ko.InstallFileNotWritten=설치 프로그램이 %1 파일을 쓸 수 없습니다. 앱은 대신 사용자 데이터 폴더의 모델 폴더를 사용합니다.
ko.ShowroomGroup=쇼룸 키오스크:
ko.KioskAtBoot=이 계정으로 로그인하면 쇼룸 키오스크 시작
ko.KioskNotOn=로그인할 때 쇼룸 키오스크가 시작되도록 설정하지 못했습니다:%n%n%1%n%n먼저 앱에서 키오스크를 설정(직원 PIN)한 다음 "sm6-studio kiosk-at-boot on"을 실행하거나 이 옵션으로 다시 설치하세요.
ko.RemoveDataQuestion=디자인, 설정, 지갑도 삭제하시겠습니까?%n%n지갑의 키도 함께 사라지므로 지갑에 있는 KAIA나 토큰을 더 이상 사용할 수 없습니다. 나중에 다시 설치할 때를 위해 모두 보관하려면 아니요를 선택하세요.
ko.RemoveDataFailed=디자인, 설정, 지갑을 모두 삭제하지 못했습니다:%n%n%1

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "kioskatboot"; Description: "{cm:KioskAtBoot}"; GroupDescription: "{cm:ShowroomGroup}"; Flags: unchecked

[InstallDelete]
; The bundle's libraries differ between versions and flavours (CPU and CUDA torch): start from an empty folder, so
; no library of the build this one replaces is left to be loaded by mistake.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#GuiExe}"; WorkingDir: "{app}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#GuiExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[UninstallDelete]
; Written by the code below, so not in the uninstall log.
Type: files; Name: "{app}\install.toml"
; The models folder goes only when empty: weights outlive the app (names expanded at install time, as chosen then).
Type: dirifempty; Name: "{code:GetModelsDir}"
Type: dirifempty; Name: "{code:GetModelsParent}"

[Run]
Filename: "{app}\{#GuiExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[Code]
var
  ModelsPage: TInputDirWizardPage;

function DefaultModelsDir: String;
begin
  if IsAdminInstallMode then
    Result := ExpandConstant('{commonappdata}\SM6 Studio\models')
  else
    Result := ExpandConstant('{localappdata}\SM6 Studio\models');
end;

procedure InitializeWizard;
begin
  ModelsPage := CreateInputDirPage(wpSelectDir, CustomMessage('ModelsTitle'), CustomMessage('ModelsDescription'),
    CustomMessage('ModelsExplain'), False, '');
  ModelsPage.Add('');
  ModelsPage.Values[0] := GetPreviousData('ModelsDir', DefaultModelsDir);
end;

procedure RegisterPreviousData(PreviousDataKey: Integer);
begin
  SetPreviousData(PreviousDataKey, 'ModelsDir', ModelsPage.Values[0]);
end;

function IsFullPath(const Dir: String): Boolean;
begin
  Result := ((Length(Dir) >= 3) and (Copy(Dir, 2, 2) = ':\')) or ((Length(Dir) > 2) and (Copy(Dir, 1, 2) = '\\'));
end;

function NextButtonClick(CurPageID: Integer): Boolean;
begin
  Result := True;
  if (CurPageID = ModelsPage.ID) and not IsFullPath(Trim(ModelsPage.Values[0])) then
  begin
    SuppressibleMsgBox(CustomMessage('ModelsFullPath'), mbError, MB_OK, IDOK);
    Result := False;
  end;
end;

function ModelsDir: String;
begin
  Result := RemoveBackslashUnlessRoot(Trim(ModelsPage.Values[0]));
end;

function GetModelsDir(Param: String): String;
begin
  Result := ModelsDir;
end;

{ The "SM6 Studio" folder the default models folder sits in; never a folder of the person's own choosing (their
  Documents), so for any other choice this is the models folder again. }
function GetModelsParent(Param: String): String;
begin
  Result := ExtractFileDir(ModelsDir);
  if CompareText(ExtractFileName(Result), 'SM6 Studio') <> 0 then
    Result := ModelsDir;
end;

{ A TOML string for a Windows path: a literal string ('C:\x', backslashes as they are) unless the path holds a quote,
  then a basic string with its escapes. }
function TomlString(const S: String): String;
var
  Escaped: String;
begin
  if Pos('''', S) = 0 then
    Result := '''' + S + ''''
  else
  begin
    Escaped := S;
    StringChangeEx(Escaped, '\', '\\', True);
    StringChangeEx(Escaped, '"', '\"', True);
    Result := '"' + Escaped + '"';
  end;
end;

procedure WriteInstallFile;
var
  Lines: TArrayOfString;
  FileName: String;
begin
  if not ForceDirectories(ModelsDir) then
    SuppressibleMsgBox(FmtMessage(CustomMessage('ModelsNotCreated'), [ModelsDir]), mbInformation, MB_OK, IDOK);
  FileName := ExpandConstant('{app}\install.toml');
  SetArrayLength(Lines, 2);
  Lines[0] := '# Written by the installer: the models folder chosen on its "Models folder" page.';
  Lines[1] := 'models_dir = ' + TomlString(ModelsDir);
  { UTF-8 without a byte-order mark: TOML's encoding (a Korean user name in the path survives). }
  if not SaveStringsToUTF8FileWithoutBOM(FileName, Lines, False) then
    SuppressibleMsgBox(FmtMessage(CustomMessage('InstallFileNotWritten'), [FileName]), mbInformation, MB_OK, IDOK);
end;

function JoinLines(const Lines: TArrayOfString): String;
var
  I: Integer;
begin
  Result := '';
  for I := 0 to GetArrayLength(Lines) - 1 do
    if Trim(Lines[I]) <> '' then
    begin
      if Result <> '' then
        Result := Result + #13#10;
      Result := Result + Trim(Lines[I]);
    end;
end;

{ Runs sm6-studio.exe with Params and returns what it printed (stderr first: the CLI's one-line reason is there).
  An install for all users runs elevated: the kiosk must start for the account that ran Setup, so then the command
  runs as that account (ExecAsOriginalUser cannot capture output: it goes through a file). }
function RunCli(const Params: String; AsOriginalUser: Boolean; var ResultCode: Integer): String;
var
  Output: TExecOutput;
  OutFile: String;
  Lines: TArrayOfString;
begin
  Result := '';
  if AsOriginalUser then
  begin
    OutFile := GenerateUniqueName(GetTempDir, '.txt');
    if not ExecAsOriginalUser(ExpandConstant('{cmd}'), '/C ""' + ExpandConstant('{app}\{#CliExe}') + '" ' + Params +
      ' > "' + OutFile + '" 2>&1"', '', SW_HIDE, ewWaitUntilTerminated, ResultCode) then
      Result := SysErrorMessage(ResultCode)
    else if LoadStringsFromFile(OutFile, Lines) then
      Result := JoinLines(Lines);
    DeleteFile(OutFile);
    Exit;
  end;
  try
    if not ExecAndCaptureOutput(ExpandConstant('{app}\{#CliExe}'), Params, '', SW_SHOWNORMAL, ewWaitUntilTerminated,
      ResultCode, Output) then
      Result := SysErrorMessage(ResultCode)
    else
      Result := Trim(JoinLines(Output.StdErr) + #13#10 + JoinLines(Output.StdOut));
  except
    ResultCode := -1;
    Result := GetExceptionMessage;
  end;
end;

procedure TurnKioskAtBootOn;
var
  ResultCode: Integer;
  Said: String;
begin
  { Refused without a staff PIN (or on a computer that cannot run it): say why, and finish the install anyway. }
  Said := RunCli('kiosk-at-boot on', IsAdminInstallMode, ResultCode);
  Log(Format('kiosk-at-boot on: exit %d: %s', [ResultCode, Said]));
  if ResultCode <> 0 then
    SuppressibleMsgBox(FmtMessage(CustomMessage('KioskNotOn'), [Said]), mbInformation, MB_OK, IDOK);
end;

procedure CurStepChanged(CurStep: TSetupStep);
begin
  if CurStep = ssPostInstall then
  begin
    WriteInstallFile;
    if WizardIsTaskSelected('kioskatboot') then
      TurnKioskAtBootOn;
  end;
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  ResultCode: Integer;
  Said: String;
begin
  { Before any file is deleted: the program is still there to undo what it set up. }
  if (CurUninstallStep <> usUninstall) or not FileExists(ExpandConstant('{app}\{#CliExe}')) then
    Exit;
  Said := RunCli('kiosk-at-boot off', False, ResultCode);
  Log(Format('kiosk-at-boot off: exit %d: %s', [ResultCode, Said]));
  { No is the default, also for a silent uninstall: a person's designs and wallets go only when they say so. }
  if SuppressibleMsgBox(CustomMessage('RemoveDataQuestion'), mbConfirmation, MB_YESNO or MB_DEFBUTTON2,
    IDNO) = IDYES then
  begin
    Said := RunCli('remove-data --yes --including-wallets', False, ResultCode);
    Log(Format('remove-data: exit %d: %s', [ResultCode, Said]));
    if ResultCode <> 0 then
      SuppressibleMsgBox(FmtMessage(CustomMessage('RemoveDataFailed'), [Said]), mbError, MB_OK, IDOK);
  end;
end;
