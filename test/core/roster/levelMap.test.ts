import { describe, expect, it } from 'vitest';
import {
  ZHUHAI_LEVEL_MAP,
  canonicalGradeName,
  judgeMove,
  levelMapInForce,
  orderGrades,
  plainLevelNumber,
  professionalLevel,
} from '../../../src/core/roster/levelMap';

// The Zhuhai scheme's 明确职级体系: 助理社会工作师一级/二级 ↔ 专技 11/12 级; 社会工作师一级/二级/三级 ↔ 8/9/10 级.
const zhuhai = levelMapInForce(ZHUHAI_LEVEL_MAP, '2026-01-01')!.grades;

describe('grades as guides and rosters write them are found in the 专技 map', () => {
  it.each([
    ['助理社会工作师一级', 11],
    ['助理一级', 11],
    ['助理社工师二级', 12],
    ['社工师三级', 10],
    ['中级社会工作师一级', 8],
    ['社会工作师二级岗位', 9],
    ['专技11级', 11],
    ['专业技术十级岗位', 10],
    ['专技 12 级', 12],
    ['中级', null],
    ['10级', null],
  ])('%s → 专技 %s', (name, level) => expect(professionalLevel(zhuhai, name)).toBe(level));

  it('short forms are spelt out: 社工 → 社会工作, 助理 → 助理社会工作师', () => {
    expect(canonicalGradeName('助理二级')).toBe('助理社会工作师二级');
    expect(canonicalGradeName('社工师一级岗')).toBe('社会工作师一级');
  });
});

describe('三岗十八级 grades written as a number alone', () => {
  it.each([
    ['7级', 7],
    ['十八级', 18],
    ['十级', 10],
    ['二十', 20],
    ['12', 12],
    ['社工师一级', null],
    ['中级', null],
  ])('%s → %s', (name, n) => expect(plainLevelNumber(name)).toBe(n));
});

describe('a ladder runs from the lowest post to the highest by the 专技 number (a larger number the lower post)', () => {
  it('the Zhuhai names in name order come out 12, 11, 10, 9, 8', () => {
    const order = orderGrades(['社会工作师一级', '社会工作师二级', '社会工作师三级', '助理社会工作师一级', '助理社会工作师二级'], [zhuhai]);
    expect(order).toEqual({
      grades: ['助理社会工作师二级', '助理社会工作师一级', '社会工作师三级', '社会工作师二级', '社会工作师一级'],
      by: 'levelMap',
      unmapped: [],
      mapIndex: 0,
    });
  });

  it('grades written on the 专技 scale need no map: 专技10级, 专技12级, 专技11级 → 12, 11, 10', () => {
    expect(orderGrades(['专技10级', '专技12级', '专技11级'], []).grades).toEqual(['专技12级', '专技11级', '专技10级']);
  });

  it('三岗十八级 numbers alone rise with the number: 10级, 2级, 七级 → 2, 7, 10', () => {
    expect(orderGrades(['10级', '2级', '七级'], [zhuhai])).toMatchObject({ grades: ['2级', '七级', '10级'], by: 'levelNumber' });
  });

  it('grades no map places keep the order given, never alphabetical, and are named', () => {
    expect(orderGrades(['员级', '初级', '中级', '高级'], [zhuhai])).toEqual({
      grades: ['员级', '初级', '中级', '高级'],
      by: 'given',
      unmapped: ['员级', '初级', '中级', '高级'],
      mapIndex: null,
    });
    // one unknown grade among mapped ones: the whole ladder keeps the guide's order, only the stranger is named
    expect(orderGrades(['社会工作师一级', '督导', '助理社会工作师一级'], [zhuhai])).toMatchObject({
      grades: ['社会工作师一级', '督导', '助理社会工作师一级'],
      by: 'given',
      unmapped: ['督导'],
    });
  });
});

describe('a move is judged on the scale that places both grades', () => {
  it('专技10级 → 专技11级 is a demotion; 11 → 10 a promotion', () => {
    expect(judgeMove([], '专技10级', '专技11级')).toEqual({ direction: -1, scale: 'professional', from: 10, to: 11 });
    expect(judgeMove([], '专技11级', '专技10级')?.direction).toBe(1);
  });
  it('社会工作师三级 (10) → 助理社会工作师一级 (11) is a demotion although 一级 reads higher than 三级', () => {
    expect(judgeMove([zhuhai], '社会工作师三级', '助理社会工作师一级')?.direction).toBe(-1);
    expect(judgeMove([zhuhai], '助理二级', '社工师三级')?.direction).toBe(1);
  });
  it('三岗十八级 10级 → 11级 is a promotion on that scale; grades on no common scale cannot be compared', () => {
    expect(judgeMove([zhuhai], '10级', '11级')).toEqual({ direction: 1, scale: 'levelNumber', from: 10, to: 11 });
    expect(judgeMove([zhuhai], '10级', '社会工作师三级')).toBeNull();
  });
});
