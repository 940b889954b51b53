; Inno Setup script: a per-user installer for the one-folder app in dist\facilitator, with a
; Start-menu entry and the .facilitator file association.
;   iscc /DAppVersion=0.1.0 packaging\windows\facilitator.iss   -> dist\Facilitator-setup.exe
#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{6C1F4E0B-2F55-4C8A-9E7B-FAC1117A7042}
AppName=Facilitator
AppVersion={#AppVersion}
AppPublisher=Facilitator
DefaultDirName={autopf}\Facilitator
DefaultGroupName=Facilitator
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ChangesAssociations=yes
OutputDir=..\..\dist
OutputBaseFilename=Facilitator-setup
SetupIconFile=..\..\resources\icons\facilitator.ico
UninstallDisplayIcon={app}\facilitator.exe
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "fr"; MessagesFile: "compiler:Languages\French.isl"
Name: "es"; MessagesFile: "compiler:Languages\Spanish.isl"
Name: "ar"; MessagesFile: "compiler:Languages\Arabic.isl"
Name: "ru"; MessagesFile: "compiler:Languages\Russian.isl"

[Files]
Source: "..\..\dist\facilitator\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\Facilitator"; Filename: "{app}\facilitator.exe"
Name: "{group}\{cm:UninstallProgram,Facilitator}"; Filename: "{uninstallexe}"

[Registry]
Root: HKA; Subkey: "Software\Classes\.facilitator"; ValueType: string; ValueName: ""; ValueData: "Facilitator.Series"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.facilitator\OpenWithProgids"; ValueType: string; ValueName: "Facilitator.Series"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\Facilitator.Series"; ValueType: string; ValueName: ""; ValueData: "Facilitator series"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Facilitator.Series\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\facilitator.exe,0"
Root: HKA; Subkey: "Software\Classes\Facilitator.Series\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\facilitator.exe"" open ""%1"""

[Run]
Filename: "{app}\facilitator.exe"; Description: "{cm:LaunchProgram,Facilitator}"; Flags: nowait postinstall skipifsilent
