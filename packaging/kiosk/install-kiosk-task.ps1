<#
.SYNOPSIS
  Registers the SM6 Design Studio kiosk task for the current user: starts `sm6-studio --kiosk` at logon and
  restarts it (every minute, up to 999 times) when it fails.
.EXAMPLE
  powershell -ExecutionPolicy Bypass -File .\install-kiosk-task.ps1
  powershell -ExecutionPolicy Bypass -File .\install-kiosk-task.ps1 -Uninstall
#>
param(
    [string]$Command = "",
    [switch]$Uninstall
)
$ErrorActionPreference = "Stop"
$TaskName = "SM6 Design Studio kiosk"

if ($Uninstall) {
    Unregister-ScheduledTask -TaskName $TaskName -Confirm:$false
    Write-Host "Removed the task '$TaskName'."
    exit 0
}

if (-not $Command) {
    $found = Get-Command sm6-studio.exe -ErrorAction SilentlyContinue
    if (-not $found) {
        Write-Error "sm6-studio.exe is not on PATH. Install SM6 Design Studio first, or pass -Command C:\path\to\sm6-studio.exe."
    }
    $Command = $found.Source
}

$xmlPath = Join-Path $PSScriptRoot "sm6-kiosk-task.xml"
[xml]$task = Get-Content -Raw -Encoding UTF8 $xmlPath
$task.Task.Actions.Exec.Command = $Command
$user = [System.Security.Principal.WindowsIdentity]::GetCurrent().Name
Register-ScheduledTask -TaskName $TaskName -Xml $task.OuterXml -User $user -Force | Out-Null
Write-Host "Registered '$TaskName': $Command --kiosk starts at logon for $user and restarts after a failure."
Write-Host "Set a staff PIN first (Settings, Kiosk), and turn on automatic sign-in for this account (see README.md)."
