import type { AppStrings } from './types';

export const ko = {
  sheets: { activities: '활동', quotas: '할당량', team: '팀', settings: '설정', status: '현황' },
  archive: '보관',
  menu: {
    openSidebar: '활동 기록',
    setUp: '스프레드시트 구성',
    sampleData: '샘플 데이터 넣기',
    refresh: '현황 새로고침',
    dailyToggle: '매일 새로고침 켜기/끄기',
    compact: '로그 압축…',
  },
  notices: {
    compactAsk:
      '어느 날짜(YYYY-MM-DD) 이전의 항목을 합칠까요? 비워 두면 이전 분기의 시작일인 {date}입니다. 영업 사원과 활동별로 하루의 항목이 합계 한 행이 되며, 원래 행은 먼저 보관 시트에 복사됩니다.',
    compactBadDate:
      '"{value}"은(는) 오늘 이전의 날짜가 아닙니다. YYYY-MM-DD 형식으로 입력하세요. 아무것도 변경되지 않았습니다.',
    compacted: '항목 {entries}개를 {rows}개 행으로 합쳤습니다. 원본은 {sheet} 시트에 있습니다.',
    compactNothing:
      '압축할 것이 없습니다. {date} 이전에 같은 영업 사원과 활동의 항목이 두 개 이상인 날이 없습니다. 아무것도 변경되지 않았습니다.',
    compactKept: '{date} 이전의 행 {count}개는 그대로 둡니다. 항목 옆에 다른 내용이 있거나 읽을 수 없는 행입니다.',
    rolledUp: '항목 {count}개 합침',
    archiveTitle: '로그 압축으로 합친 행을 원래 모습 그대로 여기에 복사했습니다.',
    busy: '다른 사용자가 지금 저장하고 있습니다. 아무것도 변경되지 않았으니 잠시 후 다시 시도하세요.',
    setUpBoth:
      '구성: {created} 시트를 만들고 {sheets} 시트에 빠진 열을 추가했습니다. 기존 데이터는 변경하지 않았습니다.',
    setUpCompleted: '구성: {sheets} 시트에 빠진 열을 추가했습니다. 기존 데이터는 변경하지 않았습니다.',
    setUpCreated: '구성 완료: {created} 시트를 만들었습니다. 기존 데이터는 그대로 두었습니다.',
    setUpNothing: '스프레드시트가 이미 구성되어 있어 아무것도 변경하지 않았습니다.',
    sampleInserted:
      '샘플 데이터를 추가했습니다: 영업 사원 {reps}명, 활동 {rows}행, 할당량 {quotas}개이며 날짜는 {today} 전후입니다.',
    sampleNotEmpty:
      '샘플 데이터는 빈 스프레드시트에만 넣을 수 있습니다. {sheet} 시트에 이미 데이터가 있어 아무것도 추가하지 않았습니다.',
    refreshed: '{date} 기준으로 현황을 새로고침했습니다: {rows}행.',
    refreshProblems: '{count}개 행을 건너뛰었습니다. {sheet} 시트의 현황표 아래 목록을 확인하세요.',
    problemsTitle: '건너뛴 행',
    problemRow: '{sheet} {row}행: {message}',
    boardCut:
      '현황표가 {row}행에서 잘렸습니다. {cell}에 Activity Quota가 쓰지 않은 데이터가 있어 그대로 둡니다. {rows}행을 모두 보려면 옮기세요.',
    duplicateQuota:
      '할당량 범위 {row}행: {other}행과 영업 사원, 활동, 날짜가 같습니다. 아래쪽 행이 적용되므로 둘 중 하나를 삭제하세요.',
    missingSheet: '아직 {sheet} 시트가 없습니다. 먼저 "{setUp}" 메뉴를 선택하세요.',
    dailyOn: '매일 새로고침을 켰습니다. 매일 아침 기준일이 오늘로 바뀌고 현황표가 다시 만들어집니다.',
    dailyOff: '매일 새로고침을 껐습니다.',
    dailyOffOther: '매일 새로고침을 껐습니다. {owner} 님이 켰던 것이며, 그 트리거는 다음 실행 때 스스로 멈춥니다.',
    dailyOffSomeone: '매일 새로고침을 껐습니다. 다른 사용자가 켰던 것이며, 그 트리거는 다음 실행 때 스스로 멈춥니다.',
    failed: '작업을 완료하지 못했습니다: {message}. 다시 시도해도 안전합니다.',
  },
} as const satisfies AppStrings;
