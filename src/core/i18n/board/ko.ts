import type { BoardWords } from './types';

export const ko: BoardWords = {
  progress: '진행 상황',
  allReps: '전체 영업 사원',
  byStatus: '상태별 영업 사원',
  barsBlocked:
    '진행 막대 없음: {cell}에 Activity Quota가 쓰지 않은 데이터가 있어 그대로 둡니다. 막대를 보려면 현황표 옆 {column}열을 비우세요.',
};
