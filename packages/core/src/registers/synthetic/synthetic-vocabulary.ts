/**
 * SYNTHETIC. Word pools for generated enterprises: characters common in 字号, 行业 with rough shares, 组织形式,
 * surnames and given-name characters. Chosen to look like a Hubei register, not taken from one.
 */

/**
 * Characters typical of 字号, most common first (the generator draws them with Zipf-like weights). About 600:
 * real 字号 draw on thousands of characters, and a small pool would make same-字号 neighbours far commoner
 * than registers show.
 */
export const TRADE_NAME_CHARACTERS = Array.from(
  new Set(
    Array.from(
      '华新宏泰鑫东兴达盛祥邦瑞信恒通金源博英晨光龙凤丰德立峰富顺天海广成昌隆嘉佳汇远康安永明宇航星辰创美力升' +
        '腾飞宝利元和合聚正诚中意锦荣旺展联众智卓越优精润泽云鼎伟俊豪凯亿万百千福吉祺琪弘鸿洪虹彩晶亮阳辉耀灿' +
        '烨煜森林木楚江湘汉荆鄂楠桥峻岳川奥翔鹏骏驰捷迅速诺维威尔特普罗格斯琳雅雄健强坤乾鑫淼磊焱垚犇骉晟昊旭' +
        '昇曜晖曦冠群英杰贤君仁义礼信忠孝廉勤俭朴实华夏九州长江黄河泰山嵩衡岱峨眉青松翠柏红梅兰竹菊荷莲桂' +
        '樱桃李杏枫杨柳槐榕椰蓝白紫橙金银铜铁锡钰铭锋锐钧镇铠锴鑫淳清澄湛涵沛洋涛浩瀚渊深远航帆舟舰港湾' +
        '蓉芙蕾萱菲芸茗茵薇莎娜婷瑶琳璐珂瑾瑜璇玮珏琦琨瑛璟宸宬寰宁宜宣宏容富家安定宝宜室宫' +
        '雪霖霏霆露霞虹岚岩峦嵘崇巍峥嵩岭峡泉溪源沁沐沃汐沧洲淮湖滨潮澜瀚灏炜炫烽焕熙燊爵珀珊珑琛琥瑗瑭璨瓒皓睿砺硕磐礼祯禧禾秀秋程稳穗竣笃箐篮籁粤紫繁羿翊翎翰耀聪肇胜臻舒舜航艺芃芝苑茂荟莹莺菁萃蓓蔚蕴薪藤蘅虎豹骐骥鹤鹰麒麟黎墨默鼓齐龄灵炬炅昕昀昱晔晗晓晴晶智暄曙曜朗朔杉杭松枫柯栋桐梓椿楷榆槿樟橡檀欣歆毅沣沛泓泊泰洁洋津浚涌淇淳渝湘溢滔漫潇潭澄澎瀛炎烁烨焯然煊熠燕爽牧犀狮玥玮玲珍珠琨琳琼瑄瑞瑶璋璞璐瓴甄畅登皖盈益睿矗砚祁祎祥禄稼穆竹笙筑简粮精纬纳纵绍绮维绿缘罡羽翔翠耘耕聚肃胤腾舸艾芊芮芸苏苓茁茗荣莉莎莱菱萌萍蒙蓝蔡蕙薇藏蜀衡裕褚览觅誉诗诺谦谷豫贝贤赛赢越跃轩辉达迈远迪逸遥邑郁鄂酬金钊钦钧钰铂铎铖铠铭锋锐锟锦镒镕闯闻阔阳阿陆隆雅集雍雨霄韦韬韵顺颂领颖飒飓馨驰驿骁鸣鸥鸿鹏麦黛',
    ),
  ),
)

/** 行业 (each made of words of the normaliser's vocabulary) with relative shares. */
export const SYNTHETIC_INDUSTRIES: readonly (readonly [industry: string, share: number])[] = [
  ['科技', 14],
  ['新材料科技', 5],
  ['电子科技', 5],
  ['机械制造', 4],
  ['智能装备', 3],
  ['生物医药', 3],
  ['环保科技', 3],
  ['建材', 3],
  ['铝业', 2],
  ['纺织', 2],
  ['食品', 3],
  ['农业科技', 3],
  ['生态农业', 2],
  ['包装', 2],
  ['光电科技', 2],
  ['汽车零部件', 2],
  ['精密机械', 2],
  ['化工', 2],
  ['新能源科技', 2],
  ['物流', 3],
  ['商贸', 4],
  ['建设工程', 3],
  ['实业', 3],
  ['信息技术', 3],
  ['医疗器械', 2],
  ['电气', 2],
  ['铸造', 1],
  ['矿业', 1],
  ['水泥', 1],
  ['服饰', 2],
  ['网络科技', 3],
  ['软件', 1],
  ['检测', 1],
  ['环境科技', 1],
  ['电力', 1],
  ['贸易', 3],
  ['置业', 1],
  ['投资', 2],
  ['餐饮', 1],
  ['酒业', 1],
  ['药业', 1],
  ['机电', 2],
  ['模具', 1],
  ['五金', 1],
  ['家具', 1],
  ['印刷', 1],
  ['纸业', 1],
  ['钢构', 1],
  ['管业', 1],
  ['线缆', 1],
  ['陶瓷', 1],
  ['塑业', 1],
  ['养殖', 1],
  ['茶业', 1],
  ['粮油', 1],
  ['旅游', 1],
  ['文化传媒', 2],
  ['教育咨询', 1],
  ['人力资源', 1],
  ['供应链管理', 1],
  ['电子商务', 1],
]

/** 组织形式 with relative shares in the register. */
export const SYNTHETIC_FORMS: readonly (readonly [form: string, share: number])[] = [
  ['有限公司', 65],
  ['有限责任公司', 15],
  ['股份有限公司', 12],
  ['集团有限公司', 5],
  ['厂', 3],
]

/** Common surnames, most common first. */
export const SURNAMES = Array.from(
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢' +
    '姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
)

/** Given-name characters, most common first. */
export const GIVEN_NAME_CHARACTERS = Array.from(
  '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀英霞平刚桂华建国志文斌辉鹏宇浩俊峰红玲波亮林晨欣婷雪琴云飞龙海兵' +
    '成中新春晓玉梅兰凤洁燕萍颖慧佳宁博凯东旭阳光荣德胜利民永安正清',
)

/** Provinces outside the register, for look-alike enterprises elsewhere: name prefix and region code. */
export const OTHER_PROVINCE_CITIES: readonly (readonly [prefix: string, code: string])[] = [
  ['湖南', '430000'],
  ['长沙', '430100'],
  ['江西', '360000'],
  ['南昌', '360100'],
  ['河南', '410000'],
  ['郑州', '410100'],
  ['安徽', '340000'],
  ['合肥', '340100'],
  ['广东', '440000'],
  ['深圳', '440300'],
]
