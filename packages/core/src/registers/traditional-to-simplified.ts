/**
 * Traditional → simplified for the characters that occur in enterprise names (业/机/电/华/东/国/团/产/贸 …), so a
 * name pasted from a Hong Kong, Taiwan or older document compares equal to its simplified form. A hand-made table
 * of 537 one-to-one pairs, not a full converter: characters whose simplification depends on the word
 * (乾/干, 於/于, 著/着, 昇/升, 鍊/链·炼) are left out, so a rare name may keep a traditional character.
 */
const PAIRS = [
  '東东華华國国業业機机電电實实營营貿贸發发滙汇匯汇彙汇銀银鋼钢鐵铁銅铜鋁铝鋅锌錫锡鎳镍礦矿廠厂藥药醫医療疗農农產产資资團团開开環环區区縣县鎮镇鄉乡門门車车術术網网',
  '絡络訊讯設设備备製制裝装億亿貨货運运輸输銷销廣广紡纺織织綫线線线學学會会際际與与萬万聯联龍龙鳳凤興兴達达豐丰應应氣气陽阳體体廈厦灣湾島岛蘇苏慶庆陝陕寧宁黃黄漢汉',
  '長长紅红協协創创動动務务號号質质檢检測测驗验計计劃划園园圖图書书點点義义強强紙纸膠胶鋒锋順顺財财貝贝優优節节對对時时進进傳传證证險险託托閥阀錶表鐘钟鍾钟樂乐藝艺',
  '視视聽听館馆飲饮餘余廳厅樓楼層层屬属選选買买賣卖價价貸贷幣币錢钱債债稅税濟济經经權权總总監监紗纱絲丝綢绸繡绣襪袜衛卫淨净潔洁熱热燈灯煉炼爐炉輪轮軸轴輕轻軟软雲云',
  '臺台蘭兰葉叶萊莱藍蓝壓压塊块壩坝壽寿夢梦嶺岭嶽岳峽峡崗岗岡冈彎弯復复複复徵征恆恒悅悦愛爱態态戰战擴扩據据擁拥攜携數数斷断晉晋曉晓暢畅條条楊杨標标樣样樹树橋桥歐欧',
  '殼壳氫氢溝沟滬沪滿满漁渔潤润澤泽濱滨灘滩烏乌無无煙烟爾尔獎奖獲获現现畫画當当盤盘盧卢眾众衆众礎础確确禮礼種种穩稳競竞筆笔範范築筑簡简糧粮紀纪約约級级純纯細细組组',
  '結结給给統统綠绿維维綜综緊紧編编練练縮缩績绩續续纜缆習习聖圣聲声職职腦脑臨临舉举舊旧莊庄蓮莲蔣蒋蕭萧薦荐蘋苹處处蟲虫蠶蚕衝冲補补覽览觀观規规親亲覺觉訂订記记許许',
  '訪访評评詢询試试誠诚話话誌志認认語语說说調调談谈請请論论諮咨謀谋識识譜谱護护讀读變变購购賽赛贏赢趙赵躍跃軍军載载輝辉轉转辦办遠远連连週周遊游過过遷迁遼辽邊边鄭郑',
  '鄧邓醬酱釀酿釘钉針针鈦钛鈺钰鉅钜銘铭錦锦錄录鍍镀鏈链鑄铸閃闪閩闽關关陣阵陳陈陸陆隊队階阶隨随隱隐雙双雜杂雞鸡離离難难靈灵靜静韓韩項项預预領领頭头題题額额顏颜願愿',
  '顧顾風风飛飞飼饲養养餅饼馬马駐驻騰腾鬥斗魚鱼魯鲁鮮鲜鳥鸟鳴鸣鴻鸿鵬鹏鶴鹤鹽盐麗丽麥麦黨党齊齐龜龟圓圆圍围堅坚場场塗涂墊垫壯壮奮奋寶宝寬宽審审寫写將将專专導导巖岩',
  '帶带幫帮幹干庫库張张彈弹徑径從从懷怀戶户損损換换揚扬擊击擔担擬拟暉晖曆历歷历榮荣構构樞枢橫横檔档櫃柜歡欢決决況况淺浅湧涌溫温漲涨潛潜濃浓濕湿災灾為为烴烃煥焕爭争',
  '牆墙狀状獨独獅狮瓊琼異异盡尽稱称積积穀谷緣缘繩绳繪绘繼继羅罗聞闻聰聪膚肤蘆芦虛虚蝦虾見见訓训詳详諾诺謝谢豬猪貴贵費费賀贺賓宾賞赏賢贤賬账贊赞趨趋跡迹軌轨較较輔辅',
  '輛辆轄辖迴回適适遙遥鄰邻鈴铃鉛铅銳锐銲焊鋪铺錯错鍵键鏡镜鐳镭鑒鉴鑽钻閣阁閱阅陰阴霧雾韌韧響响頂顶頻频顆颗顯显飄飘饒饶駕驾驅驱鬆松鴿鸽黴霉師师倉仓儲储儀仪飾饰責责',
  '問问來来們们個个這这裡里裏里邁迈鋰锂鈷钴錳锰鉬钼鎢钨釩钒鋯锆碩硕瑪玛',
].join('')

const SIMPLIFIED_OF = new Map<string, string>()
for (let i = 0; i < PAIRS.length; i += 2) SIMPLIFIED_OF.set(PAIRS[i]!, PAIRS[i + 1]!)

/** Number of characters the table converts. */
export const TRADITIONAL_TABLE_SIZE = SIMPLIFIED_OF.size

const ANY_TRADITIONAL = new RegExp(`[${[...SIMPLIFIED_OF.keys()].join('')}]`, 'u')

/** `text` with every tabled traditional character replaced by its simplified form; other characters unchanged. */
export function toSimplifiedChinese(text: string): string {
  // Most names hold no traditional character; one regex test spares rebuilding them.
  if (!ANY_TRADITIONAL.test(text)) return text
  let result = ''
  for (const char of text) result += SIMPLIFIED_OF.get(char) ?? char
  return result
}

/** The table's pairs, for tests. */
export function traditionalTablePairs(): [traditional: string, simplified: string][] {
  return [...SIMPLIFIED_OF.entries()]
}
