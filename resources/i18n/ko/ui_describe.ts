<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>DescribeView</name>
    <message>
        <source>ChatGPT is not set up here, so an offline draft was made from templates. Make it your own.</source>
        <translation>이 기기에는 ChatGPT가 설정되어 있지 않아 템플릿으로 오프라인 초안을 만들었습니다. 자유롭게 고쳐 쓰세요.</translation>
    </message>
    <message>
        <source>Pick a design to describe</source>
        <translation>설명할 디자인을 고르세요</translation>
    </message>
    <message>
        <source>Choose Use this design in the Design studio, or open one from the Library. ChatGPT drafts a description in Korean or English; you edit it, and it becomes your token&apos;s description.</source>
        <translation>디자인 스튜디오에서 ‘이 디자인 사용’을 누르거나 라이브러리에서 디자인을 여세요. ChatGPT가 한국어 또는 영어로 설명 초안을 쓰면, 직접 다듬어 토큰의 설명으로 사용합니다.</translation>
    </message>
    <message>
        <source>Open the Library</source>
        <translation>라이브러리 열기</translation>
    </message>
    <message>
        <source>Describe</source>
        <translation>설명</translation>
    </message>
    <message>
        <source>Both languages</source>
        <translation>두 언어 모두</translation>
    </message>
    <message>
        <source>Draft the Korean and the English description in one go</source>
        <translation>한국어와 영어 설명을 한 번에 작성합니다</translation>
    </message>
    <message>
        <source>Offline draft</source>
        <translation>오프라인 초안</translation>
    </message>
    <message>
        <source>A template draft made on this computer, no network needed</source>
        <translation>이 컴퓨터에서 템플릿으로 만드는 초안입니다. 네트워크가 필요 없습니다</translation>
    </message>
    <message>
        <source>Change design</source>
        <translation>디자인 변경</translation>
    </message>
    <message>
        <source>Preview the token</source>
        <translation>토큰 미리보기</translation>
    </message>
    <message>
        <source>See the NFT exactly as a marketplace will show it</source>
        <translation>마켓플레이스에 보일 모습 그대로 NFT를 확인합니다</translation>
    </message>
    <message>
        <source>Description ({language})</source>
        <translation>설명 ({language})</translation>
    </message>
    <message>
        <source>Draft with ChatGPT, or write your own Korean description here.</source>
        <translation>ChatGPT로 초안을 만들거나 여기에 한국어 설명을 직접 쓰세요.</translation>
    </message>
    <message>
        <source>Draft with ChatGPT, or write your own English description here.</source>
        <translation>ChatGPT로 초안을 만들거나 여기에 영어 설명을 직접 쓰세요.</translation>
    </message>
    <message>
        <source>Description language</source>
        <translation>설명 언어</translation>
    </message>
    <message>
        <source>Made on this computer from templates, without ChatGPT</source>
        <translation>ChatGPT 없이 이 컴퓨터에서 템플릿으로 만들었습니다</translation>
    </message>
    <message>
        <source>Retry online</source>
        <translation>온라인으로 다시 시도</translation>
    </message>
    <message>
        <source>Ask for an online draft now</source>
        <translation>지금 온라인 초안을 요청합니다</translation>
    </message>
    <message>
        <source>The AI draft appears here.</source>
        <translation>여기에 AI 초안이 표시됩니다.</translation>
    </message>
    <message>
        <source>AI draft</source>
        <translation>AI 초안</translation>
    </message>
    <message>
        <source>AI draft → your text · removed words struck through, added words underlined</source>
        <translation>AI 초안 → 내 글 · 지운 단어는 취소선, 추가한 단어는 밑줄로 표시합니다</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>실행 취소</translation>
    </message>
    <message>
        <source>Undo (Ctrl+Z)</source>
        <translation>실행 취소 (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>다시 실행</translation>
    </message>
    <message>
        <source>Redo (Ctrl+Shift+Z)</source>
        <translation>다시 실행 (Ctrl+Shift+Z)</translation>
    </message>
    <message>
        <source>Revert to AI draft</source>
        <translation>AI 초안으로 되돌리기</translation>
    </message>
    <message>
        <source>Put the AI draft back (Undo brings your text back)</source>
        <translation>AI 초안을 다시 넣습니다 (실행 취소하면 내 글이 돌아옵니다)</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>비교</translation>
    </message>
    <message>
        <source>Show the AI draft beside your text, every change marked</source>
        <translation>AI 초안을 내 글 옆에 보여 주고 바뀐 곳을 모두 표시합니다</translation>
    </message>
    <message>
        <source>Draft with {server} (Ctrl+Enter); Esc stops</source>
        <translation>{server}로 초안 작성 (Ctrl+Enter), Esc로 중지</translation>
    </message>
    <message>
        <source>Add a key…</source>
        <translation>키 추가…</translation>
    </message>
    <message>
        <source>{count} / {limit} · over the limit</source>
        <translation>{count} / {limit} · 한도 초과</translation>
    </message>
    <message>
        <source>{count} / {limit}</source>
        <translation>{count} / {limit}</translation>
    </message>
</context>
<context>
    <name>DescribeViewModel</name>
    <message>
        <source>This design&apos;s text could not be read. Pick the design again.</source>
        <translation>이 디자인의 글을 읽을 수 없습니다. 디자인을 다시 선택하세요.</translation>
    </message>
    <message>
        <source>This design is no longer in the library, so its text could not be saved. Copy it if you need it.</source>
        <translation>이 디자인이 더 이상 라이브러리에 없어 글을 저장할 수 없습니다. 필요하면 글을 복사해 두세요.</translation>
    </message>
    <message>
        <source>Korean</source>
        <translation>한국어</translation>
    </message>
    <message>
        <source>English</source>
        <translation>영어</translation>
    </message>
    <message>
        <source>Drafting…</source>
        <translation>초안 작성 중…</translation>
    </message>
    <message>
        <source>Saved · {time}</source>
        <translation>저장됨 · {time}</translation>
    </message>
    <message>
        <source>That design was removed from the library. Pick another to describe.</source>
        <translation>그 디자인은 라이브러리에서 삭제되었습니다. 설명할 다른 디자인을 고르세요.</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>중지</translation>
    </message>
    <message>
        <source>Draft again</source>
        <translation>다시 작성</translation>
    </message>
    <message>
        <source>Draft with ChatGPT</source>
        <translation>ChatGPT로 초안 작성</translation>
    </message>
    <message>
        <source>Draft with AI</source>
        <translation>AI로 초안 작성</translation>
    </message>
    <message>
        <source>AI</source>
        <translation>AI</translation>
    </message>
    <message>
        <source>Drafting stopped. The text so far is kept.</source>
        <translation>초안 작성을 멈췄습니다. 지금까지 쓴 글은 그대로 있습니다.</translation>
    </message>
    <message>
        <source>Offline draft. {reason}</source>
        <translation>오프라인 초안입니다. {reason}</translation>
    </message>
    <message>
        <source>Your edits are kept. The new draft is beside them: Revert to AI draft replaces them.</source>
        <translation>수정한 글은 그대로 있습니다. 새 초안은 옆에 있으며, ‘AI 초안으로 되돌리기’를 누르면 수정한 글 대신 들어갑니다.</translation>
    </message>
    <message>
        <source>Offline draft · {time}</source>
        <translation>오프라인 초안 · {time}</translation>
    </message>
    <message>
        <source>AI draft · {model} · {time} · cut at the length limit</source>
        <translation>AI 초안 · {model} · {time} · 길이 제한에서 잘림</translation>
    </message>
    <message>
        <source>AI draft · {model} · {time} · stopped</source>
        <translation>AI 초안 · {model} · {time} · 중지됨</translation>
    </message>
    <message>
        <source>AI draft · {model} · {time} · incomplete</source>
        <translation>AI 초안 · {model} · {time} · 미완성</translation>
    </message>
    <message>
        <source>AI draft · {model} · {time}</source>
        <translation>AI 초안 · {model} · {time}</translation>
    </message>
    <message>
        <source>{message} The text that arrived is kept.</source>
        <translation>{message} 받은 글은 그대로 있습니다.</translation>
    </message>
</context>
</TS>
