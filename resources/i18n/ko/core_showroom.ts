<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR" sourcelanguage="en">
<context>
    <name>core.showroom</name>
    <message>
        <source>start the showroom kiosk when this account signs in, and again whenever it stops</source>
        <comment>kiosk.at_boot.help</comment>
        <translation>이 계정으로 로그인할 때 전시장 키오스크를 시작하고, 멈출 때마다 다시 시작합니다</translation>
    </message>
    <message>
        <source>on: start it at sign-in; off: no longer; status: say which</source>
        <comment>kiosk.at_boot.help_action</comment>
        <translation>on: 로그인할 때 시작, off: 더 이상 시작하지 않음, status: 현재 상태 보기</translation>
    </message>
    <message>
        <source>Kiosk mode is left as the settings file has it, because that file is not as the app wrote it: {problem}</source>
        <comment>kiosk.at_boot.mode_left</comment>
        <translation>설정 파일이 앱이 저장한 상태가 아니어서 키오스크 모드는 설정 파일에 있는 그대로 둡니다: {problem}</translation>
    </message>
    <message>
        <source>Kiosk mode could not be turned off ({reason}), so the app still opens as the kiosk: `sm6-studio --no-kiosk` turns it off.</source>
        <comment>kiosk.at_boot.mode_not_off</comment>
        <translation>키오스크 모드를 끌 수 없어({reason}) 앱이 여전히 키오스크로 열립니다. `sm6-studio --no-kiosk`로 끌 수 있습니다.</translation>
    </message>
    <message>
        <source>Kiosk mode is off: the app opens as the desktop window.</source>
        <comment>kiosk.at_boot.mode_off</comment>
        <translation>키오스크 모드가 꺼졌습니다. 앱이 데스크톱 창으로 열립니다.</translation>
    </message>
    <message>
        <source>Kiosk mode is on: the app opens as the kiosk. Staff leave it from the staff panel.</source>
        <comment>kiosk.at_boot.mode_on</comment>
        <translation>키오스크 모드가 켜졌습니다. 앱이 키오스크로 열리며, 직원은 직원 패널에서 키오스크 모드를 끝낼 수 있습니다.</translation>
    </message>
    <message>
        <source>Kiosk mode could not be saved in the settings ({reason}). Nothing was changed.</source>
        <comment>kiosk.at_boot.not_saved</comment>
        <translation>키오스크 모드를 설정에 저장할 수 없습니다({reason}). 아무것도 바꾸지 않았습니다.</translation>
    </message>
    <message>
        <source>Starting the kiosk at sign-in is not supported on this system ({platform}). Start `sm6-studio --kiosk` from the system's own start-up settings.</source>
        <comment>kiosk.at_boot.not_supported</comment>
        <translation>이 시스템({platform})에서는 로그인할 때 키오스크를 시작할 수 없습니다. 시스템의 시작 프로그램 설정에서 `sm6-studio --kiosk`를 시작하도록 하세요.</translation>
    </message>
    <message>
        <source>The kiosk no longer starts at sign-in ({where} removed).</source>
        <comment>kiosk.at_boot.off_done</comment>
        <translation>이제 로그인할 때 키오스크가 시작되지 않습니다({where} 삭제함).</translation>
    </message>
    <message>
        <source>The kiosk was not set to start at sign-in; nothing to remove.</source>
        <comment>kiosk.at_boot.off_nothing</comment>
        <translation>키오스크가 로그인할 때 시작되도록 설정되어 있지 않았습니다. 삭제할 것이 없습니다.</translation>
    </message>
    <message>
        <source>The kiosk now starts when this account signs in ({file}). This computer has no systemd user session, so nothing starts it again when it stops: after a crash or a closed window it is back at the next sign-in.</source>
        <comment>kiosk.at_boot.on_autostart</comment>
        <translation>이제 이 계정으로 로그인하면 키오스크가 시작됩니다({file}). 이 컴퓨터에는 systemd 사용자 세션이 없어 키오스크가 멈추면 다시 시작해 주는 것이 없습니다. 오류로 종료되거나 창이 닫히면 다음 로그인 때 다시 시작됩니다.</translation>
    </message>
    <message>
        <source>The kiosk now starts when this account logs in, and starts again whenever it stops (LaunchAgent {file}). It is starting now.</source>
        <comment>kiosk.at_boot.on_macos</comment>
        <translation>이제 이 계정으로 로그인하면 키오스크가 시작되고, 멈출 때마다 다시 시작됩니다(LaunchAgent {file}). 지금 시작하는 중입니다.</translation>
    </message>
    <message>
        <source>The kiosk now starts when this account signs in, and starts again 5 s after it stops (systemd user unit {file}). It starts at the next sign-in; `systemctl --user start sm6-kiosk` starts it now.</source>
        <comment>kiosk.at_boot.on_systemd</comment>
        <translation>이제 이 계정으로 로그인하면 키오스크가 시작되고, 멈추면 5초 뒤에 다시 시작됩니다(systemd 사용자 유닛 {file}). 다음 로그인 때부터 시작되며, 지금 바로 시작하려면 `systemctl --user start sm6-kiosk`를 실행하세요.</translation>
    </message>
    <message>
        <source>The kiosk now starts when this account signs in, and starts again a minute after it fails (Task Scheduler task “{task}”).</source>
        <comment>kiosk.at_boot.on_windows</comment>
        <translation>이제 이 계정으로 로그인하면 키오스크가 시작되고, 오류로 멈추면 1분 뒤에 다시 시작됩니다(작업 스케줄러 작업 “{task}”).</translation>
    </message>
    <message>
        <source>Set a staff PIN first (in the app: Settings → Showroom kiosk → New staff PIN): without one, nobody could leave a kiosk that starts at every sign-in. Nothing was changed.</source>
        <comment>kiosk.at_boot.pin_first</comment>
        <translation>먼저 직원 PIN을 설정하세요(앱에서: 설정 → 전시장 키오스크 → 새 직원 PIN). PIN이 없으면 로그인할 때마다 시작되는 키오스크를 아무도 끝낼 수 없습니다. 아무것도 바꾸지 않았습니다.</translation>
    </message>
    <message>
        <source>{file} could not be removed ({reason}).</source>
        <comment>kiosk.at_boot.remove_failed</comment>
        <translation>{file} 파일을 삭제할 수 없습니다({reason}).</translation>
    </message>
    <message>
        <source>Nothing was changed, because the settings file is not as the app wrote it: {problem}</source>
        <comment>kiosk.at_boot.settings_unusable</comment>
        <translation>설정 파일이 앱이 저장한 상태가 아니어서 아무것도 바꾸지 않았습니다: {problem}</translation>
    </message>
    <message>
        <source>On: the kiosk starts at sign-in ({file}), but nothing starts it again when it stops (no systemd user session).</source>
        <comment>kiosk.at_boot.status_autostart</comment>
        <translation>켜짐: 로그인할 때 키오스크가 시작되지만({file}), 멈추면 다시 시작해 주는 것이 없습니다(systemd 사용자 세션 없음).</translation>
    </message>
    <message>
        <source>On: the kiosk starts at login and again whenever it stops (LaunchAgent {file}).</source>
        <comment>kiosk.at_boot.status_macos</comment>
        <translation>켜짐: 로그인할 때 키오스크가 시작되고, 멈출 때마다 다시 시작됩니다(LaunchAgent {file}).</translation>
    </message>
    <message>
        <source>On from the next login: the kiosk then starts and is started again whenever it stops (LaunchAgent {file}).</source>
        <comment>kiosk.at_boot.status_macos_not_loaded</comment>
        <translation>다음 로그인부터 켜짐: 그때부터 키오스크가 시작되고, 멈출 때마다 다시 시작됩니다(LaunchAgent {file}).</translation>
    </message>
    <message>
        <source>Kiosk mode: off (the app opens as the desktop window).</source>
        <comment>kiosk.at_boot.status_mode_off</comment>
        <translation>키오스크 모드: 꺼짐(앱이 데스크톱 창으로 열립니다).</translation>
    </message>
    <message>
        <source>Kiosk mode: on (the app opens as the kiosk).</source>
        <comment>kiosk.at_boot.status_mode_on</comment>
        <translation>키오스크 모드: 켜짐(앱이 키오스크로 열립니다).</translation>
    </message>
    <message>
        <source>No staff PIN is set: set one in the app (Settings → Showroom kiosk) before `sm6-studio kiosk-at-boot on`.</source>
        <comment>kiosk.at_boot.status_no_pin</comment>
        <translation>직원 PIN이 설정되어 있지 않습니다. `sm6-studio kiosk-at-boot on`을 실행하기 전에 앱에서 PIN을 설정하세요(설정 → 전시장 키오스크).</translation>
    </message>
    <message>
        <source>Off: the kiosk does not start at sign-in. `sm6-studio kiosk-at-boot on` turns it on.</source>
        <comment>kiosk.at_boot.status_off</comment>
        <translation>꺼짐: 로그인할 때 키오스크가 시작되지 않습니다. `sm6-studio kiosk-at-boot on`으로 켤 수 있습니다.</translation>
    </message>
    <message>
        <source>On: the kiosk starts at sign-in and again whenever it stops (systemd user unit {file}).</source>
        <comment>kiosk.at_boot.status_systemd</comment>
        <translation>켜짐: 로그인할 때 키오스크가 시작되고, 멈출 때마다 다시 시작됩니다(systemd 사용자 유닛 {file}).</translation>
    </message>
    <message>
        <source>Half set up: {file} is there but systemd does not start it ({state}). Run `sm6-studio kiosk-at-boot on` again, or `off` to remove it.</source>
        <comment>kiosk.at_boot.status_systemd_off</comment>
        <translation>설정이 끝나지 않았습니다: {file} 파일은 있지만 systemd가 시작하지 않습니다({state}). `sm6-studio kiosk-at-boot on`을 다시 실행하거나, `off`로 삭제하세요.</translation>
    </message>
    <message>
        <source>On: the kiosk starts at sign-in and again after a failure (Task Scheduler task “{task}”).</source>
        <comment>kiosk.at_boot.status_windows</comment>
        <translation>켜짐: 로그인할 때 키오스크가 시작되고, 오류로 멈추면 다시 시작됩니다(작업 스케줄러 작업 “{task}”).</translation>
    </message>
    <message>
        <source>`{command}` did not work (exit code {code}): {output} Nothing was changed.</source>
        <comment>kiosk.at_boot.tool_failed</comment>
        <translation>`{command}`이(가) 실패했습니다(종료 코드 {code}): {output} 아무것도 바꾸지 않았습니다.</translation>
    </message>
    <message>
        <source>it gave no reason.</source>
        <comment>kiosk.at_boot.tool_said_nothing</comment>
        <translation>이유를 알려 주지 않았습니다.</translation>
    </message>
    <message>
        <source>{file} could not be written ({reason}). Nothing was changed.</source>
        <comment>kiosk.at_boot.write_failed</comment>
        <translation>{file} 파일을 쓸 수 없습니다({reason}). 아무것도 바꾸지 않았습니다.</translation>
    </message>
    <message>
        <source>Kiosk mode could not be turned off ({reason}), so the kiosk stays as it is. Check the settings folder, then try again.</source>
        <comment>kiosk.exit_not_saved</comment>
        <translation>키오스크 모드를 끌 수 없어({reason}) 키오스크를 그대로 유지합니다. 설정 폴더를 확인한 뒤 다시 시도하세요.</translation>
    </message>
    <message>
        <source>open the desktop window and turn kiosk mode off (for staff without the staff panel)</source>
        <comment>kiosk.help_no_kiosk</comment>
        <translation>데스크톱 창을 열고 키오스크 모드를 끕니다 (직원 패널을 쓸 수 없는 직원용)</translation>
    </message>
    <message>
        <source>Kiosk mode is on for this run only: no staff PIN is set, so it is not kept for the next start. Set a PIN in Settings, under Kiosk, to keep it.</source>
        <comment>kiosk.not_kept_without_pin</comment>
        <translation>키오스크 모드는 이번 실행에만 켜집니다. 직원 PIN이 설정되어 있지 않아 다음 시작 때는 유지되지 않습니다. 유지하려면 설정의 키오스크에서 PIN을 설정하세요.</translation>
    </message>
    <message>
        <source>Set a staff PIN first: without one, nobody could open the staff panel to leave kiosk mode.</source>
        <comment>kiosk.pin_first</comment>
        <translation>먼저 직원 PIN을 설정하세요. PIN이 없으면 아무도 직원 패널을 열어 키오스크 모드를 끝낼 수 없습니다.</translation>
    </message>
    <message>
        <source>Kiosk mode could not be saved for the next start ({reason}); it is on for this run.</source>
        <comment>kiosk.settings_not_saved</comment>
        <translation>다음 시작을 위한 키오스크 모드를 저장할 수 없습니다({reason}). 이번 실행에는 켜져 있습니다.</translation>
    </message>
    <message>
        <source>This picture can't be shown here. Try another description or style: your next design is only a tap away.</source>
        <comment>safety.image_blocked</comment>
        <translation>이 그림은 여기에서 보여 드릴 수 없습니다. 다른 설명이나 스타일로 다시 만들어 보세요. 새 디자인은 금방 만들 수 있습니다.</translation>
    </message>
    <message>
        <source>This picture could not be checked, so it can't be submitted here. Please ask a member of staff.</source>
        <comment>safety.image_unchecked</comment>
        <translation>이 그림을 검사할 수 없어 여기에서 제출할 수 없습니다. 직원에게 문의해 주세요.</translation>
    </message>
    <message>
        <source>Some words in this description can't be used here. Try describing your SM6 in other words.</source>
        <comment>safety.prompt_blocked</comment>
        <translation>이 설명에는 여기에서 쓸 수 없는 단어가 있습니다. 다른 말로 SM6를 설명해 보세요.</translation>
    </message>
    <message>
        <source>The word list is larger than {limit} and was not saved. Remove some lines and save again.</source>
        <comment>safety.staff_list_too_big</comment>
        <translation>단어 목록이 {limit}보다 커서 저장하지 않았습니다. 몇 줄을 지운 뒤 다시 저장하세요.</translation>
    </message>
    <message>
        <source>The submissions could not be written to {folder}: {reason}.</source>
        <comment>staff.export_failed</comment>
        <translation>제출 내역을 {folder}에 쓸 수 없습니다: {reason}.</translation>
    </message>
    <message>
        <source>Too many wrong PINs. Try again in {time}.</source>
        <comment>staff.locked_out</comment>
        <translation>잘못된 PIN을 너무 많이 입력했습니다. {time} 후에 다시 시도하세요.</translation>
    </message>
    <message>
        <source>No staff PIN is set on this kiosk. On the computer, start `sm6-studio --no-kiosk` and set one in Settings, under Kiosk.</source>
        <comment>staff.no_pin_set</comment>
        <translation>이 키오스크에는 직원 PIN이 설정되어 있지 않습니다. 컴퓨터에서 `sm6-studio --no-kiosk`를 실행하고 설정의 키오스크에서 PIN을 설정하세요.</translation>
    </message>
    <message>
        <source>A staff PIN is 4 to 8 digits (0–9), nothing else.</source>
        <comment>staff.pin_form</comment>
        <translation>직원 PIN은 숫자(0–9) 4~8자리입니다.</translation>
    </message>
    <message>
        <source>The two PINs are not the same. Type the new PIN in both fields again.</source>
        <comment>staff.pins_differ</comment>
        <translation>두 PIN이 같지 않습니다. 두 칸에 새 PIN을 다시 입력하세요.</translation>
    </message>
    <message>
        <source>That PIN is not right. {tries} more tries, then the staff panel locks for a while.</source>
        <comment>staff.wrong_pin</comment>
        <translation>PIN이 맞지 않습니다. {tries}번 더 틀리면 직원 패널이 잠시 잠깁니다.</translation>
    </message>
    <message>
        <source>That PIN is not right. One more wrong try locks the staff panel.</source>
        <comment>staff.wrong_pin_last_try</comment>
        <translation>PIN이 맞지 않습니다. 한 번 더 틀리면 직원 패널이 잠깁니다.</translation>
    </message>
</context>
</TS>
