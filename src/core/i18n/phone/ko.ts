import type { PhoneStrings } from './types';

export const ko = {
  labels: {
    openForm: '다른 활동, 수량, 날짜 또는 메모…',
    notSaved: '저장되지 않음 — 다시 시도하세요: {rep}의 {activity} {quantity}, {date}.',
    retry: '다시 시도',
    loadFailed: '스프레드시트에 연결할 수 없습니다. 연결을 확인하고 다시 시도하세요.',
    noSpreadsheet:
      '이 페이지는 스프레드시트에 연결되어 있지 않습니다: 스프레드시트 ID 없이 배포되었습니다. 설정한 사람에게 팀 스프레드시트의 ID로 다시 배포해 달라고 요청하세요.',
    noAccess:
      '이 Google 계정으로는 팀 스프레드시트를 열 수 없습니다: 공유되지 않았거나 더 이상 존재하지 않습니다. 소유자에게 공유를 요청한 후 이 페이지를 새로고침하세요.',
    signedInAs: '{user}(으)로 로그인됨.',
  },
  fields: {
    failed:
      '작업을 완료하지 못했으며 아무것도 저장되지 않았습니다. 다시 시도하고, 계속 실패하면 페이지를 새로고침하세요.',
    badId: '양식에서 기록 ID를 보내지 않았습니다. 페이지를 새로고침한 후 다시 시도하세요.',
  },
} as const satisfies PhoneStrings;
