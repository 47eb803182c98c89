import { defineErrors } from '../errors/define-errors'

/** Broken preconditions of the register operations (judgements, merge, split). */
export const registerErrors = defineErrors({
  JUDGEMENT_SELF_PAIR: { status: 400, message: '不能对同一条记录与其自身作出判断' },
  CLUSTER_NOT_FOUND: { status: 404, message: '主体不存在或不在您的管辖范围内' },
  MERGE_SAME_CLUSTER: { status: 409, message: '两者已是同一主体，无需合并' },
  SPLIT_PART_INVALID: {
    status: 400,
    message: '拆分出的部分必须是该主体的一部分成员：不能为空，也不能是全部',
  },
})
