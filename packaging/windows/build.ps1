# Builds SM6 Design Studio's Windows installer: the Windows twin of packaging/build.sh. A build venv with torch of the
# chosen flavour, the build description, the icons, the PyInstaller bundle (the same spec as Linux and macOS), then
# Inno Setup (packaging/windows/sm6-studio.iss), then a smoke test of the installer: a silent per-user install into a
# temporary folder, `doctor`, the window's first paint (offscreen), one generation with the demo model, `self-test`,
# a silent uninstall that must keep the account's data. Run by .github/workflows/installers.yml; packaging/README.md
# explains the choices.
#
# Usage: powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1 [-Flavor cpu|cuda] [-NoSmoke]
# Environment: SM6_TORCH_INDEX  a pip index for torch (https://download.pytorch.org/whl/cpu or .../cu128);
#              SM6_TORCH_VERSION, SM6_CUDA_TORCH_VERSION  the torch release of each flavour; PYTHON  a Python 3.11;
#              ISCC  the Inno Setup compiler, when it is not in its usual folder.
# Output: dist\sm6-studio_<version>_windows-x64-setup.exe (CPU) or dist\sm6-studio-cuda_<version>_windows-x64-setup.exe
param(
    [ValidateSet("cpu", "cuda")] [string] $Flavor = "cpu",
    [switch] $NoSmoke
)
$ErrorActionPreference = "Stop"
Set-StrictMode -Version Latest
$Root = (Resolve-Path (Join-Path $PSScriptRoot "..\..")).Path
Set-Location $Root

function Invoke-Native([string] $Exe, [string[]] $Arguments) {
    & $Exe @Arguments
    if ($LASTEXITCODE -ne 0) { throw "$Exe $($Arguments -join ' ') failed with exit code $LASTEXITCODE" }
}

function Get-Or([string] $Value, [string] $Default) { if ($Value) { $Value } else { $Default } }

$torchSpec = if ($Flavor -eq "cuda") { "torch==$(Get-Or $env:SM6_CUDA_TORCH_VERSION '2.14.1')" }
             else { "torch==$(Get-Or $env:SM6_TORCH_VERSION '2.13.0')" }
$started = Get-Date
$work = Join-Path $Root "build\$Flavor"
$venv = Join-Path $work "venv"
$py = Join-Path $venv "Scripts\python.exe"
New-Item -ItemType Directory -Force -Path $work, (Join-Path $Root "dist") | Out-Null

Write-Host "== build environment ($Flavor): $venv"
if (-not (Test-Path $py)) { Invoke-Native (Get-Or $env:PYTHON "python") @("-m", "venv", $venv) }
$pip = @("-m", "pip", "install", "-q", "--disable-pip-version-check")
Invoke-Native $py ($pip + @("--upgrade", "pip>=24"))
$index = @()  # (an `if` that yields @() would yield $null, and pip would get an empty argument)
if ($env:SM6_TORCH_INDEX) { $index = @("--index-url", $env:SM6_TORCH_INDEX) }
Invoke-Native $py ($pip + $index + @($torchSpec))
# The app itself, not editable (the bundle copies installed files), with the same exact versions as a source install.
Invoke-Native $py ($pip + @("-c", "packaging/constraints.txt", ".", "-r", "packaging/build-requirements.txt"))
$buildInfo = Join-Path $work "build.json"
$icons = Join-Path $work "icons"
Invoke-Native $py @("packaging/build_info.py", "--flavor", $Flavor, "--out", $buildInfo)
Invoke-Native $py @("packaging/make_icons.py", "--out", $icons)
$version = (Get-Content $buildInfo -Raw | ConvertFrom-Json).version

Write-Host "== bundle (PyInstaller)"
$env:SM6_BUILD_INFO = $buildInfo
$env:SM6_ICONS = $icons
$env:SM6_FLAVOR = $Flavor
$env:SM6_VERSION = $version
Invoke-Native (Join-Path $venv "Scripts\pyinstaller.exe") @("--noconfirm", "--clean", "--log-level", "WARN",
    "--distpath", (Join-Path $work "dist"), "--workpath", (Join-Path $work "pyinstaller"), "packaging/sm6-studio.spec")
$bundle = Join-Path $work "dist\sm6-studio"
foreach ($exe in "sm6-studio.exe", "SM6 Studio.exe") {
    if (-not (Test-Path (Join-Path $bundle $exe))) { throw "the bundle has no $exe" }
}

Write-Host "== installer (Inno Setup)"
$iscc = @($env:ISCC, "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe", "$env:ProgramFiles\Inno Setup 6\ISCC.exe") |
    Where-Object { $_ -and (Test-Path $_) } | Select-Object -First 1
if (-not $iscc) {
    $found = Get-Command iscc.exe -ErrorAction SilentlyContinue
    if ($found) { $iscc = $found.Source } else { throw "Inno Setup 6 is not installed (choco install innosetup)" }
}
$out = Join-Path $Root "dist"
Invoke-Native $iscc @("/Q", "/DFlavor=$Flavor", "/DAppVersion=$version", "/DBundle=$bundle", "/DIcons=$icons",
    "/DOutputDir=$out", "packaging\windows\sm6-studio.iss")
$package = if ($Flavor -eq "cuda") { "sm6-studio-cuda" } else { "sm6-studio" }
$setup = Join-Path $out "${package}_${version}_windows-x64-setup.exe"
if (-not (Test-Path $setup)) { throw "Inno Setup made no $setup" }
$seconds = ((Get-Date) - $started).TotalSeconds
Write-Host ("built {0} ({1:N0} MB) in {2:N0} s" -f $setup, ((Get-Item $setup).Length / 1MB), $seconds)
if ($NoSmoke) { exit 0 }

Write-Host "== smoke test: silent install for this account"
$tmp = Join-Path ([IO.Path]::GetTempPath()) ("sm6-smoke-" + [Guid]::NewGuid().ToString("N").Substring(0, 8))
$app = Join-Path $tmp "app"
$env:SM6_DATA_DIR = Join-Path $tmp "data"
$env:SM6_CONFIG_DIR = Join-Path $tmp "config"
$env:HF_HUB_OFFLINE = "1"
New-Item -ItemType Directory -Force -Path $tmp | Out-Null
# /CURRENTUSER: no elevation; default answers to every question (the data question's default is No).
$p = Start-Process -FilePath $setup -Wait -PassThru -ArgumentList @("/VERYSILENT", "/SUPPRESSMSGBOXES", "/NORESTART",
    "/CURRENTUSER", "/DIR=`"$app`"", "/LOG=`"$tmp\setup.log`"", "/TASKS=`"`"")
if ($p.ExitCode -ne 0) { Get-Content "$tmp\setup.log" -Tail 40; throw "Setup failed with exit code $($p.ExitCode)" }
$cli = Join-Path $app "sm6-studio.exe"
if (-not (Test-Path $cli)) { throw "no program at $cli after the install" }
$shortcut = Join-Path $env:APPDATA "Microsoft\Windows\Start Menu\Programs\SM6 Design Studio.lnk"
if (-not (Test-Path $shortcut)) { throw "no Start-menu entry at $shortcut" }
$installToml = Join-Path $app "install.toml"
if (-not (Test-Path $installToml)) { throw "the installer wrote no install.toml" }
Get-Content $installToml
$modelsLine = Select-String -Path $installToml -Pattern "^models_dir = '(.+)'$"
if (-not $modelsLine) { throw "install.toml names no models folder" }
$modelsDir = $modelsLine.Matches[0].Groups[1].Value
if (-not (Test-Path $modelsDir)) { throw "the installer did not make the models folder $modelsDir" }

function Invoke-Smoke([string[]] $Arguments, [switch] $AllowFailure) {
    # Native stderr must not become a PowerShell error here: the program's own exit code decides.
    $ErrorActionPreference = "Continue"
    $text = & $cli @Arguments 2>&1 | Out-String
    $code = $LASTEXITCODE
    Write-Host $text
    if ($code -ne 0 -and -not $AllowFailure) { throw "sm6-studio $($Arguments -join ' ') failed with exit code $code" }
    return $text
}

Write-Host "== --version and doctor"
Invoke-Smoke @("--version") | Out-Null
$doctor = Invoke-Smoke @("doctor") -AllowFailure  # non-zero while no model is installed: read its words
if ($doctor -notmatch "CPU build|CUDA .*build") { throw "doctor does not say which build this is" }

Write-Host "== first paint (offscreen)"
$env:QT_QPA_PLATFORM = "offscreen"
$env:SM6_EXIT_AFTER_FIRST_PAINT = "1"
$t0 = Get-Date
$paint = Invoke-Smoke @()
if ($paint -notmatch "FIRST_PAINT") { throw "no first paint" }
Write-Host ("first start: {0:N0} ms to first paint" -f ((Get-Date) - $t0).TotalMilliseconds)
Remove-Item Env:SM6_EXIT_AFTER_FIRST_PAINT

Write-Host "== one generation with the demo model"
$t0 = Get-Date
Invoke-Smoke @("generate", "pearl white", "--steps", "2", "--size", "128x128", "--out", "$tmp\out") | Out-Null
if (-not (Get-ChildItem "$tmp\out\*.png" -ErrorAction SilentlyContinue)) { throw "generate saved no PNG" }
Write-Host ("generated in {0:N0} ms" -f ((Get-Date) - $t0).TotalMilliseconds)

Write-Host "== self-test"
Invoke-Smoke @("self-test") | Out-Null

Write-Host "== silent uninstall (keeps the data: the question's default is No)"
$before = (Get-ChildItem $env:SM6_DATA_DIR -Recurse -File | Measure-Object).Count
$p = Start-Process -FilePath (Join-Path $app "unins000.exe") -Wait -PassThru -ArgumentList @("/VERYSILENT",
    "/SUPPRESSMSGBOXES", "/NORESTART")
if ($p.ExitCode -ne 0) { throw "the uninstaller failed with exit code $($p.ExitCode)" }
# The uninstaller hands the last deletions to a copy of itself and returns first: wait for the program to go.
for ($i = 0; $i -lt 60 -and (Test-Path $cli); $i++) { Start-Sleep -Seconds 1 }
if (Test-Path $cli) { throw "the program is still there after the uninstall" }
if (Test-Path $shortcut) { throw "the Start-menu entry is still there after the uninstall" }
$after = (Get-ChildItem $env:SM6_DATA_DIR -Recurse -File | Measure-Object).Count
if ($after -lt $before) { throw "the uninstall removed the account's data ($before files before, $after after)" }
Write-Host "== smoke test passed (installer $([math]::Round((Get-Item $setup).Length / 1MB)) MB)"
Remove-Item -Recurse -Force $tmp -ErrorAction SilentlyContinue
