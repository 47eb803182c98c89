/**
 * Place names that open (or sit in brackets inside) enterprise names, so the normaliser can set them apart from
 * the 字号. `code` is the finest GB/T 2260 code known to contain the place: exact for provinces, Hubei's cities
 * and 黄石's districts and counties (the eight codes of the seed data); a Hubei county outside 黄石 carries its
 * city's code, and a 大冶 town carries 大冶's — coarse but never wrong, which is all the linker needs from a name.
 */

export type DivisionLevel = 'country' | 'province' | 'city' | 'county' | 'town'

export interface AdministrativeDivision {
  name: string
  /** The form used without its suffix (湖北, 黄石, 大冶), or null where that form is a common word or one character. */
  shortName: string | null
  level: DivisionLevel
  code: string | null
}

type Row = readonly [name: string, shortName: string | null, code: string | null]

const PROVINCES: readonly Row[] = [
  ['北京市', '北京', '110000'],
  ['天津市', '天津', '120000'],
  ['河北省', '河北', '130000'],
  ['山西省', '山西', '140000'],
  ['内蒙古自治区', '内蒙古', '150000'],
  ['辽宁省', '辽宁', '210000'],
  ['吉林省', '吉林', '220000'],
  ['黑龙江省', '黑龙江', '230000'],
  ['上海市', '上海', '310000'],
  ['江苏省', '江苏', '320000'],
  ['浙江省', '浙江', '330000'],
  ['安徽省', '安徽', '340000'],
  ['福建省', '福建', '350000'],
  ['江西省', '江西', '360000'],
  ['山东省', '山东', '370000'],
  ['河南省', '河南', '410000'],
  ['湖北省', '湖北', '420000'],
  ['湖南省', '湖南', '430000'],
  ['广东省', '广东', '440000'],
  ['广西壮族自治区', '广西', '450000'],
  ['海南省', '海南', '460000'],
  ['重庆市', '重庆', '500000'],
  ['四川省', '四川', '510000'],
  ['贵州省', '贵州', '520000'],
  ['云南省', '云南', '530000'],
  ['西藏自治区', '西藏', '540000'],
  ['陕西省', '陕西', '610000'],
  ['甘肃省', '甘肃', '620000'],
  ['青海省', '青海', '630000'],
  ['宁夏回族自治区', '宁夏', '640000'],
  ['新疆维吾尔自治区', '新疆', '650000'],
  ['台湾省', '台湾', '710000'],
  ['香港特别行政区', '香港', '810000'],
  ['澳门特别行政区', '澳门', '820000'],
]

/** Hubei's prefecture-level units, then the provincial capitals and large cities names often carry. */
const CITIES: readonly Row[] = [
  ['武汉市', '武汉', '420100'],
  ['黄石市', '黄石', '420200'],
  ['十堰市', '十堰', '420300'],
  ['宜昌市', '宜昌', '420500'],
  ['襄阳市', '襄阳', '420600'],
  ['鄂州市', '鄂州', '420700'],
  ['荆门市', '荆门', '420800'],
  ['孝感市', '孝感', '420900'],
  ['荆州市', '荆州', '421000'],
  ['黄冈市', '黄冈', '421100'],
  ['咸宁市', '咸宁', '421200'],
  ['随州市', '随州', '421300'],
  ['恩施土家族苗族自治州', '恩施', '422800'],
  ['仙桃市', '仙桃', '429004'],
  ['潜江市', '潜江', '429005'],
  ['天门市', '天门', '429006'],
  ['神农架林区', '神农架', '429021'],
  ['石家庄市', '石家庄', '130100'],
  ['太原市', '太原', '140100'],
  ['呼和浩特市', '呼和浩特', '150100'],
  ['沈阳市', '沈阳', '210100'],
  ['大连市', '大连', '210200'],
  ['长春市', '长春', '220100'],
  ['哈尔滨市', '哈尔滨', '230100'],
  ['南京市', '南京', '320100'],
  ['无锡市', '无锡', '320200'],
  ['苏州市', '苏州', '320500'],
  ['杭州市', '杭州', '330100'],
  ['宁波市', '宁波', '330200'],
  ['合肥市', '合肥', '340100'],
  ['福州市', '福州', '350100'],
  ['厦门市', '厦门', '350200'],
  ['南昌市', '南昌', '360100'],
  ['济南市', '济南', '370100'],
  ['青岛市', '青岛', '370200'],
  ['郑州市', '郑州', '410100'],
  ['长沙市', '长沙', '430100'],
  ['广州市', '广州', '440100'],
  ['深圳市', '深圳', '440300'],
  ['佛山市', '佛山', '440600'],
  ['东莞市', '东莞', '441900'],
  ['南宁市', '南宁', '450100'],
  ['海口市', '海口', '460100'],
  ['成都市', '成都', '510100'],
  ['贵阳市', '贵阳', '520100'],
  ['昆明市', '昆明', '530100'],
  ['拉萨市', '拉萨', '540100'],
  ['西安市', '西安', '610100'],
  ['兰州市', '兰州', '620100'],
  ['西宁市', '西宁', '630100'],
  ['银川市', '银川', '640100'],
  ['乌鲁木齐市', '乌鲁木齐', '650100'],
]

/** 黄石's districts and counties with their own codes (seed data), then Hubei's other counties by full name only. */
const COUNTIES: readonly Row[] = [
  ['黄石港区', '黄石港', '420202'],
  ['西塞山区', '西塞山', '420203'],
  ['下陆区', '下陆', '420204'],
  ['铁山区', '铁山', '420205'],
  ['阳新县', '阳新', '420222'],
  ['大冶市', '大冶', '420281'],
  ...countiesOf(
    '420100',
    '江岸区 江汉区 硚口区 汉阳区 武昌区 青山区 洪山区 东西湖区 汉南区 蔡甸区 江夏区 黄陂区 新洲区',
  ),
  ...countiesOf('420300', '茅箭区 张湾区 郧阳区 郧西县 竹山县 竹溪县 房县 丹江口市'),
  ...countiesOf(
    '420500',
    '西陵区 伍家岗区 点军区 猇亭区 夷陵区 远安县 兴山县 秭归县 长阳土家族自治县 五峰土家族自治县 宜都市 当阳市 枝江市',
  ),
  ...countiesOf('420600', '襄城区 樊城区 襄州区 南漳县 谷城县 保康县 老河口市 枣阳市 宜城市'),
  ...countiesOf('420700', '梁子湖区 华容区 鄂城区'),
  ...countiesOf('420800', '东宝区 掇刀区 沙洋县 钟祥市 京山市'),
  ...countiesOf('420900', '孝南区 孝昌县 大悟县 云梦县 应城市 安陆市 汉川市'),
  ...countiesOf('421000', '沙市区 荆州区 公安县 江陵县 石首市 洪湖市 松滋市 监利市'),
  ...countiesOf('421100', '黄州区 团风县 红安县 罗田县 英山县 浠水县 蕲春县 黄梅县 麻城市 武穴市'),
  ...countiesOf('421200', '咸安区 嘉鱼县 通城县 崇阳县 通山县 赤壁市'),
  ...countiesOf('421300', '曾都区 随县 广水市'),
  ...countiesOf('422800', '恩施市 利川市 建始县 巴东县 宣恩县 咸丰县 来凤县 鹤峰县'),
]

/** 大冶's towns and street offices (seed data; 金湖/东岳 are written 街办 there). */
const TOWNS: readonly Row[] = [
  '还地桥镇 陈贵镇 灵乡镇 保安镇 金牛镇 刘仁八镇 殷祖镇 茗山乡 大箕铺镇 金山店镇 金湖街道 金湖街办 东岳街道 东岳街办',
]
  .flatMap((names) => names.split(' '))
  .map((name) => [name, null, '420281'] as const)

function countiesOf(cityCode: string, names: string): Row[] {
  return names.split(' ').map((name) => [name, null, cityCode] as const)
}

function toDivisions(rows: readonly Row[], level: DivisionLevel): AdministrativeDivision[] {
  return rows.map(([name, shortName, code]) => ({ name, shortName, level, code }))
}

export const ADMINISTRATIVE_DIVISIONS: readonly AdministrativeDivision[] = [
  { name: '中华人民共和国', shortName: '中国', level: 'country', code: null },
  ...toDivisions(PROVINCES, 'province'),
  ...toDivisions(CITIES, 'city'),
  ...toDivisions(COUNTIES, 'county'),
  ...toDivisions(TOWNS, 'town'),
]

const BY_WRITTEN_FORM = new Map<string, AdministrativeDivision>()
for (const division of ADMINISTRATIVE_DIVISIONS) {
  BY_WRITTEN_FORM.set(division.name, division)
  if (division.shortName !== null) BY_WRITTEN_FORM.set(division.shortName, division)
}
const LONGEST_WRITTEN_FORM = Math.max(...[...BY_WRITTEN_FORM.keys()].map((k) => k.length))

/** The division written exactly as `text` (full name or short form), if any. */
export function findDivision(text: string): AdministrativeDivision | undefined {
  return BY_WRITTEN_FORM.get(text)
}

/** The longest place name that `text` starts with, as written there, and its division. */
export function matchDivisionPrefix(
  text: string,
): { written: string; division: AdministrativeDivision } | null {
  for (let length = Math.min(LONGEST_WRITTEN_FORM, text.length); length >= 2; length--) {
    const written = text.slice(0, length)
    const division = BY_WRITTEN_FORM.get(written)
    if (division) return { written, division }
  }
  return null
}

/** The longest place name that `text` ends with, as written there, and its division. */
export function matchDivisionSuffix(
  text: string,
): { written: string; division: AdministrativeDivision } | null {
  for (let length = Math.min(LONGEST_WRITTEN_FORM, text.length); length >= 2; length--) {
    const written = text.slice(-length)
    const division = BY_WRITTEN_FORM.get(written)
    if (division) return { written, division }
  }
  return null
}
