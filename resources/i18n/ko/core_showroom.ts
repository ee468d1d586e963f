<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR" sourcelanguage="en">
<context>
    <name>core.showroom</name>
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
