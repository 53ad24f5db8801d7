# The Windows installer of QuickBooks Integration Settings (NSIS 3).
#
# Made by `make windows`: Wails first writes wails_tools.nsh (product name,
# version, the executable) and a first, unsigned installer; the Makefile then
# signs the exe and runs makensis on this file again with QBS_SIGN set, so
# the uninstaller and the installer are signed as NSIS writes them.
#
# What it does, for a bookkeeper who usually has no admin rights:
# - installs for the current user only, in %LOCALAPPDATA%\Programs, with no
#   elevation prompt; an upgrade goes where the old version is;
# - adds a Start menu shortcut, and a desktop shortcut if chosen;
# - says so when the Microsoft Edge WebView2 Runtime is missing (Windows 10
#   and 11 ship it) and offers Microsoft's bootstrapper;
# - installs the QuickBooks service (qbservice.exe) beside the app, which
#   the QuickBooks Web Connector calls: started now and at each logon (the
#   user's Run key, no administrator rights, like the Web Connector itself),
#   listening on localhost only; an upgrade stops it before replacing it and
#   starts the new one, its data (%LOCALAPPDATA%\QuickBooks Integration
#   Settings Service: accounts, queue, item list) kept;
# - uninstalls the program and the service (stopped first) but keeps the
#   settings (%APPDATA%\QuickBooks Integration Settings), the saved password
#   and the service's data unless the user ticks "Remove my settings, saved
#   password and service data" (silently: /S /REMOVEDATA).

Unicode true
Target amd64-unicode

!define WAILS_INSTALL_SCOPE "user"
!define REQUEST_EXECUTION_LEVEL "user"
!define UNINST_KEY_NAME "qbsettings"
!include "wails_tools.nsh"

# The QuickBooks service: its program (built by make windows before this
# file is read) and the Run value that starts it at logon.
!ifndef ARG_QBSERVICE_BINARY
    !define ARG_QBSERVICE_BINARY "..\..\bin\qbservice.exe"
!endif
!define SERVICE_EXE "qbservice.exe"
!define RUN_KEY "Software\Microsoft\Windows\CurrentVersion\Run"
!define SERVICE_RUN_VALUE "${INFO_PRODUCTNAME} Service"

VIProductVersion "${INFO_PRODUCTVERSION}.0"
VIFileVersion    "${INFO_PRODUCTVERSION}.0"
VIAddVersionKey "CompanyName"     "${INFO_COMPANYNAME}"
VIAddVersionKey "FileDescription" "${INFO_PRODUCTNAME} Installer"
VIAddVersionKey "ProductVersion"  "${INFO_PRODUCTVERSION}"
VIAddVersionKey "FileVersion"     "${INFO_PRODUCTVERSION}"
VIAddVersionKey "LegalCopyright"  "${INFO_COPYRIGHT}"
VIAddVersionKey "ProductName"     "${INFO_PRODUCTNAME}"

ManifestDPIAware true

!include "MUI2.nsh"
!include "LogicLib.nsh"
!include "FileFunc.nsh"
!include "Sections.nsh"

!define MUI_ICON "..\icon.ico"
!define MUI_UNICON "..\icon.ico"
!define MUI_ABORTWARNING
!define MUI_COMPONENTSPAGE_NODESC
!define MUI_FINISHPAGE_RUN "$INSTDIR\${PRODUCT_EXECUTABLE}"
!define MUI_FINISHPAGE_RUN_TEXT "Open ${INFO_PRODUCTNAME}"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_COMPONENTS
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "English"

Name "${INFO_PRODUCTNAME}"
OutFile "..\..\bin\${INFO_PROJECTNAME}-${ARCH}-installer.exe"
InstallDir "$LOCALAPPDATA\Programs\${INFO_PRODUCTNAME}"
InstallDirRegKey HKCU "${UNINST_KEY}" "InstallLocation"
ShowInstDetails show
ShowUninstDetails show

!ifdef QBS_SIGN
    !finalize '"${QBS_SIGN}" "%1"' = 0
    !uninstfinalize '"${QBS_SIGN}" "%1"' = 0
!endif

Function .onInit
    !insertmacro wails.checkArchitecture
FunctionEnd

Section "${INFO_PRODUCTNAME} (required)" SecProgram
    SectionIn RO
    !insertmacro wails.setShellContext
    Call CheckWebView2
    SetOutPath $INSTDIR
    Call StopService # an upgrade: Windows does not replace a running program
    !insertmacro wails.files
    File "/oname=${SERVICE_EXE}" "${ARG_QBSERVICE_BINARY}"
    WriteRegStr HKCU "${RUN_KEY}" "${SERVICE_RUN_VALUE}" '"$INSTDIR\${SERVICE_EXE}" serve'
    Exec '"$INSTDIR\${SERVICE_EXE}" serve'
    CreateShortcut "$SMPROGRAMS\${INFO_PRODUCTNAME}.lnk" "$INSTDIR\${PRODUCT_EXECUTABLE}"
    !insertmacro wails.writeUninstaller
    SetRegView 64
    WriteRegStr HKCU "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
SectionEnd

Section /o "Desktop shortcut" SecDesktop
    !insertmacro wails.setShellContext
    CreateShortcut "$DESKTOP\${INFO_PRODUCTNAME}.lnk" "$INSTDIR\${PRODUCT_EXECUTABLE}"
SectionEnd

# The WebView2 Runtime shows the app's window. Windows 10 and 11 include it;
# if it is missing, say so, and offer Microsoft's bootstrapper, which
# downloads it. A silent install only notes it in the log.
!define WEBVIEW2_CLIENT "{F3017226-FE2A-4295-8BDF-00C3A9A7E4C5}"
Function CheckWebView2
    SetRegView 64
    ReadRegStr $0 HKLM "SOFTWARE\WOW6432Node\Microsoft\EdgeUpdate\Clients\${WEBVIEW2_CLIENT}" "pv"
    ${If} $0 == ""
        ReadRegStr $0 HKCU "Software\Microsoft\EdgeUpdate\Clients\${WEBVIEW2_CLIENT}" "pv"
    ${EndIf}
    ${If} $0 != ""
    ${AndIf} $0 != "0.0.0.0"
        Return
    ${EndIf}
    DetailPrint "The Microsoft Edge WebView2 Runtime is not installed."
    ${If} ${Silent}
        DetailPrint "Install the WebView2 Runtime before opening ${INFO_PRODUCTNAME}."
        Return
    ${EndIf}
    MessageBox MB_YESNO|MB_ICONEXCLAMATION "${INFO_PRODUCTNAME} needs the Microsoft Edge WebView2 Runtime to show its window. Windows 10 and 11 normally include it, but it is missing on this computer.$\r$\n$\r$\nInstall it now? It is downloaded from Microsoft, so this needs an internet connection." IDNO skipped
    InitPluginsDir
    SetOutPath "$PLUGINSDIR\webview2"
    File "tmp\MicrosoftEdgeWebview2Setup.exe"
    ExecWait '"$PLUGINSDIR\webview2\MicrosoftEdgeWebview2Setup.exe" /install' $1
    ${If} $1 == 0
        Return
    ${EndIf}
    MessageBox MB_OK|MB_ICONEXCLAMATION "The WebView2 Runtime could not be installed (error $1). ${INFO_PRODUCTNAME} will not open until it is: ask your IT support to install the Microsoft Edge WebView2 Runtime."
    Return
  skipped:
    MessageBox MB_OK|MB_ICONINFORMATION "${INFO_PRODUCTNAME} will not open until the WebView2 Runtime is installed: ask your IT support to install the Microsoft Edge WebView2 Runtime."
FunctionEnd

# Stops the service this user runs from $INSTDIR, if any; its data stays.
!macro StopServiceFunction un
Function ${un}StopService
    ${If} ${FileExists} "$INSTDIR\${SERVICE_EXE}"
        ExecWait '"$INSTDIR\${SERVICE_EXE}" stop' $0
        ${If} $0 != 0
            DetailPrint "The QuickBooks service could not be stopped (code $0)."
        ${EndIf}
    ${EndIf}
FunctionEnd
!macroend
!insertmacro StopServiceFunction ""
!insertmacro StopServiceFunction "un."

# Off unless the user ticks it, so uninstalling (or a silent uninstall by IT)
# never loses the settings, the password or the service's data. It runs before
# the programs are removed, because they do the removing.
Section /o "un.Remove my settings, saved password and service data" SecRemoveData
    ExecWait '"$INSTDIR\${PRODUCT_EXECUTABLE}" --remove-user-data' $0
    ${If} $0 != 0
        DetailPrint "Some of your settings could not be removed (code $0)."
    ${EndIf}
    # The service's accounts, queue and item list; it is stopped first.
    ExecWait '"$INSTDIR\${SERVICE_EXE}" remove-data' $0
    ${If} $0 != 0
        DetailPrint "The QuickBooks service's data could not be removed (code $0)."
    ${EndIf}
SectionEnd

Section "-un.Program"
    !insertmacro wails.setShellContext
    Call un.StopService
    DeleteRegValue HKCU "${RUN_KEY}" "${SERVICE_RUN_VALUE}"
    Delete "$INSTDIR\${SERVICE_EXE}"
    RMDir /r "$AppData\${PRODUCT_EXECUTABLE}" # WebView2's cache, not the user's settings
    Delete "$INSTDIR\${PRODUCT_EXECUTABLE}"
    Delete "$SMPROGRAMS\${INFO_PRODUCTNAME}.lnk"
    Delete "$DESKTOP\${INFO_PRODUCTNAME}.lnk"
    !insertmacro wails.deleteUninstaller
    RMDir $INSTDIR
SectionEnd

# IT removes the settings, passwords and service data too with
# `uninstall.exe /S /REMOVEDATA`: the option ticks the section above, which a
# silent uninstall cannot show.
Function un.onInit
    ${un.GetParameters} $R0
    ClearErrors
    ${un.GetOptions} $R0 "/REMOVEDATA" $R1
    ${IfNot} ${Errors}
        !insertmacro SelectSection ${SecRemoveData}
    ${EndIf}
FunctionEnd
