/**
 * Words of the 行业 and 组织形式 parts of an enterprise name (企业名称登记管理规定: 行政区划 + 字号 + 行业或经营特点 +
 * 组织形式). The lists hold the words common in 黄石/大冶 names and in registers generally; a word missing here only
 * makes the normaliser keep it inside the 字号, which the fuzzy comparison still tolerates.
 */

/**
 * 行业 words, matched from the end of the name after the 组织形式 is removed; longer words win (新材料 before 材料).
 * Includes descriptors that are not 行业 in the statistical sense but sit in the same slot (实业, 发展, 研究院).
 */
export const INDUSTRY_WORDS: readonly string[] = `
  科技 技术 高科 高新 新材料 材料 电子 信息 智能 装备 机械 机电 制造 模具 汽配 汽车 零部件
  汽车零部件 精密 精工 铝业 铝材 铝型材 钢铁 特钢 特殊钢 钢材 水泥 建材 纺织 服装 服饰 环保
  节能 生物 医药 药业 医疗 器械 医疗器械 农业 生态 食品 包装 光电 化工 能源 新能源 矿业
  铜业 冶金 有色 有色金属 金属 贸易 商贸 物流 建设 工程 实业 投资 发展 置业 房地产 网络
  软件 电气 电器 仪器 仪表 设备 热工 换热器 换热 硅纤 铸造 涂料 塑业 塑料 橡胶 玻璃 陶瓷
  五金 家具 酒业 饮料 养生 健康 环境 检测 咨询 服务 文化 传媒 教育 旅游 酒店 餐饮 科创
  创新 研究院 研究所 产业研究院 产业 技术研究院 新能源科技 电池 锂电 半导体 通信 数据 数字
  互联网 云计算 人工智能 机器人 自动化 光学 照明 纸业 印刷 建筑 装饰 园林 市政 水利 电力
  热力 燃气 石化 石油 化学 化学品 制药 生物科技 农产品 种业 养殖 畜牧 水产 果业 茶业 粮油
  米业 面业 肉类 乳业 纺织品 针织 鞋业 皮革 箱包 矿产 钢构 重工 重型 机床 阀门 泵业 管业
  线缆 电缆 电线 铜材 耐火材料 耐材 磨料 环境科技 资源 再生资源 回收 农牧 林业 木业 竹业
  工贸 进出口 供应链 电商 电子商务 管理 开发 物业 人力资源 智造 微电子 芯片 显示 精细化工
  新型建材 绿色建材
`
  .split(/\s+/)
  .filter((word) => word !== '')

/**
 * 组织形式 endings, removed from the end repeatedly (湖北XX科技集团股份有限公司 → 集团 + 股份有限公司). 集团 and 控股 are
 * included because they describe the holding structure, not the business: 阿里巴巴集团控股有限公司 and 阿里巴巴集团控股
 * must compare equal (LEARN-FROM M2, margince/margince#2852).
 */
export const ORGANIZATION_FORMS: readonly string[] = [
  '有限责任公司',
  '股份有限公司',
  '股份合作公司',
  '有限公司',
  '股份公司',
  '集团公司',
  '总公司',
  '公司',
  '集团',
  '控股',
  '特殊普通合伙',
  '有限合伙',
  '普通合伙',
  '合伙企业',
  '个人独资企业',
  '农民专业合作社',
  '专业合作社',
  '合作社',
  '总厂',
  '厂',
]

/** Endings that make the record a branch (分支机构), a registered subject of its own distinct from the parent. */
export const BRANCH_SUFFIXES: readonly string[] = [
  '分公司',
  '分厂',
  '分店',
  '分社',
  '营业部',
  '办事处',
  '分中心',
]
