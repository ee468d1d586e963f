<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>DesignDetailsPanel</name>
    <message>
        <source>Open in the studio</source>
        <translation>스튜디오에서 열기</translation>
    </message>
    <message>
        <source>Open this design in the Design studio to refine it ({shortcut})</source>
        <translation>이 디자인을 디자인 스튜디오에서 열어 다듬습니다 ({shortcut})</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>프롬프트</translation>
    </message>
    <message>
        <source>Style</source>
        <translation>스타일</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>시드</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>크기</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>모델</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>만든 날짜</translation>
    </message>
    <message>
        <source>Refined from</source>
        <translation>원본 디자인</translation>
    </message>
    <message>
        <source>Show the original</source>
        <translation>원본 보기</translation>
    </message>
    <message>
        <source>Select the design this one was refined from</source>
        <translation>이 디자인을 다듬기 전의 원본 디자인을 선택합니다</translation>
    </message>
    <message>
        <source>The original is no longer in the library.</source>
        <translation>원본 디자인이 더 이상 라이브러리에 없습니다.</translation>
    </message>
    <message>
        <source>Remove from library</source>
        <translation>라이브러리에서 삭제</translation>
    </message>
    <message>
        <source>Remove this design and its descriptions from the library ({shortcut})</source>
        <translation>이 디자인과 설명을 라이브러리에서 삭제합니다 ({shortcut})</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>사본 저장…</translation>
    </message>
    <message>
        <source>Copy image</source>
        <translation>이미지 복사</translation>
    </message>
    <message>
        <source>Save this design&apos;s PNG, with its settings inside, where you choose ({shortcut})</source>
        <translation>이 디자인의 PNG를 설정 정보가 담긴 그대로 원하는 곳에 저장합니다 ({shortcut})</translation>
    </message>
    <message>
        <source>Copy the picture, to paste it into another app ({shortcut})</source>
        <translation>다른 앱에 붙여 넣을 수 있게 그림을 복사합니다 ({shortcut})</translation>
    </message>
    <message>
        <source>Select a design to see it larger, with its prompt and settings.</source>
        <translation>디자인을 선택하면 프롬프트, 설정과 함께 크게 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>복사했습니다</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>알 수 없음</translation>
    </message>
    <message>
        <source>Remove from favourites</source>
        <translation>즐겨찾기에서 삭제</translation>
    </message>
    <message>
        <source>Remove from favourites ({shortcut})</source>
        <translation>즐겨찾기에서 삭제 ({shortcut})</translation>
    </message>
    <message>
        <source>Add to favourites</source>
        <translation>즐겨찾기에 추가</translation>
    </message>
    <message>
        <source>Add to favourites ({shortcut})</source>
        <translation>즐겨찾기에 추가 ({shortcut})</translation>
    </message>
</context>
<context>
    <name>LibraryView</name>
    <message>
        <source>Library</source>
        <translation>라이브러리</translation>
    </message>
    <message>
        <source>Search prompts…</source>
        <translation>프롬프트 검색…</translation>
    </message>
    <message>
        <source>Search the prompts of your designs ({shortcut})</source>
        <translation>디자인의 프롬프트를 검색합니다 ({shortcut})</translation>
    </message>
    <message>
        <source>Search prompts</source>
        <translation>프롬프트 검색</translation>
    </message>
    <message>
        <source>Favourites</source>
        <translation>즐겨찾기</translation>
    </message>
    <message>
        <source>Show only the designs you starred</source>
        <translation>별표한 디자인만 표시합니다</translation>
    </message>
    <message>
        <source>Designs</source>
        <translation>디자인</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>실행 취소</translation>
    </message>
</context>
<context>
    <name>LibraryViewModel</name>
    <message>
        <source>This design is no longer in the library. Refresh to update the list.</source>
        <translation>이 디자인은 더 이상 라이브러리에 없습니다. 새로 고쳐 목록을 업데이트하세요.</translation>
    </message>
    <message>
        <source>That did not work. Try again.</source>
        <translation>작업을 완료하지 못했습니다. 다시 시도하세요.</translation>
    </message>
    <message>
        <source>1 design was left out because its saved settings in the library file are damaged; the picture is still in {folder}.</source>
        <translation>라이브러리 파일에 저장된 설정이 손상되어 디자인 1개를 표시하지 않았습니다. 이미지는 {folder}에 그대로 있습니다.</translation>
    </message>
    <message>
        <source>{count} designs were left out because their saved settings in the library file are damaged; the pictures are still in {folder}.</source>
        <translation>라이브러리 파일에 저장된 설정이 손상되어 디자인 {count}개를 표시하지 않았습니다. 이미지는 {folder}에 그대로 있습니다.</translation>
    </message>
</context>
<context>
    <name>design_details</name>
    <message>
        <source>No style</source>
        <translation>스타일 없음</translation>
    </message>
</context>
<context>
    <name>guidance_words</name>
    <message>
        <source>Side view</source>
        <translation>측면</translation>
    </message>
    <message>
        <source>Front three-quarter view</source>
        <translation>전측면</translation>
    </message>
    <message>
        <source>Rear three-quarter view</source>
        <translation>후측면</translation>
    </message>
    <message>
        <source>Started from</source>
        <translation>시작</translation>
    </message>
    <message>
        <source>The SM6 artwork</source>
        <translation>SM6 아트워크</translation>
    </message>
    <message>
        <source>A loaded sketch or photo</source>
        <translation>불러온 스케치 또는 사진</translation>
    </message>
    <message>
        <source>View</source>
        <translation>시점</translation>
    </message>
    <message>
        <source>Mask</source>
        <translation>마스크</translation>
    </message>
    <message>
        <source>Body repainted, scene kept</source>
        <translation>차체만 다시 그리고 배경 유지</translation>
    </message>
    <message>
        <source>Scene repainted, car kept</source>
        <translation>배경만 다시 그리고 차 유지</translation>
    </message>
    <message>
        <source>{name}, from depth, strength {strength}</source>
        <translation>{name}, 깊이 기준, 강도 {strength}</translation>
    </message>
    <message>
        <source>{name}, from edges, strength {strength}</source>
        <translation>{name}, 윤곽선 기준, 강도 {strength}</translation>
    </message>
    <message>
        <source>Guide</source>
        <translation>가이드</translation>
    </message>
    <message>
        <source>{name}, weight {weight}</source>
        <translation>{name}, 가중치 {weight}</translation>
    </message>
    <message>
        <source>LoRA</source>
        <translation>LoRA</translation>
    </message>
    <message>
        <source>LoRAs</source>
        <translation>LoRA</translation>
    </message>
    <message>
        <source>Decoder</source>
        <translation>디코더</translation>
    </message>
    <message>
        <source>TAESD (fast)</source>
        <translation>TAESD (고속)</translation>
    </message>
</context>
<context>
    <name>library_empty_states</name>
    <message>
        <source>Your designs will appear here</source>
        <translation>만든 디자인이 여기에 표시됩니다</translation>
    </message>
    <message>
        <source>Every SM6 you make in the Design studio is kept here, newest first, ready to look at again, star and refine.</source>
        <translation>디자인 스튜디오에서 만든 SM6는 모두 최신순으로 여기에 보관되어, 언제든 다시 보고 별표하고 다듬을 수 있습니다.</translation>
    </message>
    <message>
        <source>Go to the Design studio</source>
        <translation>디자인 스튜디오로 이동</translation>
    </message>
    <message>
        <source>No favourites match “{search}”</source>
        <translation>“{search}”와(과) 일치하는 즐겨찾기가 없습니다</translation>
    </message>
    <message>
        <source>Only your favourites are searched. Clear the search, or look through all designs.</source>
        <translation>즐겨찾기에서만 검색했습니다. 검색어를 지우거나 전체 디자인을 살펴보세요.</translation>
    </message>
    <message>
        <source>No designs match “{search}”</source>
        <translation>“{search}”와(과) 일치하는 디자인이 없습니다</translation>
    </message>
    <message>
        <source>Check the spelling, or try fewer or other words. Search looks at the prompts of your designs.</source>
        <translation>맞춤법을 확인하거나 더 적은 단어, 다른 단어로 검색해 보세요. 검색은 디자인의 프롬프트에서 찾습니다.</translation>
    </message>
    <message>
        <source>No favourites yet</source>
        <translation>아직 즐겨찾기가 없습니다</translation>
    </message>
    <message>
        <source>Star a design you love ({shortcut}, or the star beside “Open in the studio”) and it will be waiting for you here.</source>
        <translation>마음에 드는 디자인에 별표하면({shortcut} 또는 “스튜디오에서 열기” 옆의 별) 여기에서 다시 만날 수 있습니다.</translation>
    </message>
    <message>
        <source>Show all designs</source>
        <translation>전체 디자인 보기</translation>
    </message>
    <message>
        <source>Clear search</source>
        <translation>검색어 지우기</translation>
    </message>
</context>
<context>
    <name>library_vm</name>
    <message>
        <source>{count} favourite matching “{search}”</source>
        <translation>“{search}” 검색 결과 즐겨찾기 {count}개</translation>
    </message>
    <message>
        <source>{count} favourites matching “{search}”</source>
        <translation>“{search}” 검색 결과 즐겨찾기 {count}개</translation>
    </message>
    <message>
        <source>{count} design matching “{search}”</source>
        <translation>“{search}” 검색 결과 디자인 {count}개</translation>
    </message>
    <message>
        <source>{count} designs matching “{search}”</source>
        <translation>“{search}” 검색 결과 디자인 {count}개</translation>
    </message>
    <message>
        <source>{count} favourite</source>
        <translation>즐겨찾기 {count}개</translation>
    </message>
    <message>
        <source>{count} favourites</source>
        <translation>즐겨찾기 {count}개</translation>
    </message>
    <message>
        <source>{count} design</source>
        <translation>디자인 {count}개</translation>
    </message>
    <message>
        <source>{count} designs</source>
        <translation>디자인 {count}개</translation>
    </message>
    <message>
        <source>“{prompt}” was removed from the library.</source>
        <translation>“{prompt}” 디자인을 라이브러리에서 삭제했습니다.</translation>
    </message>
    <message>
        <source>{count} designs were removed from the library.</source>
        <translation>디자인 {count}개를 라이브러리에서 삭제했습니다.</translation>
    </message>
</context>
</TS>
