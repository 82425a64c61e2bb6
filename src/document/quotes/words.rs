//! The word lists that speaker attribution reads: speech verbs, surnames, titles, and
//! the words that look like names or verbs without being them.

/// Verbs that attribute speech (simplified and traditional), matched at the end of the
/// clause that names the speaker; the longest match wins, so `补充道` beats `道`.
#[rustfmt::skip]
pub(super) const VERBS: &[&str] = &[
    "告诉本报记者", "告訴本報記者", "告诉记者", "告訴記者", "对记者说", "對記者說", "向记者表示", "向记者介绍", "的话说", "的話說", "补充说",
    "补充道", "補充說", "補充道", "举例说", "舉例說", "介绍说", "介紹說", "分析道", "分析说", "分析說", "分析称", "解释说", "解釋說",
    "解释道", "回忆说", "回憶說", "回忆道", "感慨道", "感叹道", "感嘆道", "感叹说", "感嘆說", "赞叹说", "讚嘆說", "赞叹道", "讚嘆道", "称赞说", "稱讚說", "称赞道", "稱讚道", "回应称", "回應稱", "回应说", "回應說", "回应道", "回應道", "回应", "回應", "评价道", "評價道", "评价说", "評價說", "评论道", "評論道", "评论说", "評論說", "描述道", "描写道", "描寫道", "记载道", "記載道", "笑着说", "笑著說", "表示", "介绍", "介紹", "认为", "認為",
    "指出", "强调", "強調", "坦言", "坦承", "笑言", "直言", "透露", "解释", "解釋", "回忆", "回憶", "感慨", "感叹", "感嘆", "说道",
    "說道", "则称", "則稱", "笑称", "笑稱", "声称", "聲稱", "宣称", "宣稱", "称", "稱", "说", "說", "道", "曰", "喝令", "分付",
    "吩咐", "嘱咐", "囑咐", "告诉", "告訴", "问", "問", "叫", "喝", "骂", "罵", "嚷", "喊", "答", "应", "應", "写道", "寫道",
    "醒悟道", "省悟道", "领悟道", "領悟道", "大呼", "高呼", "回答", "云", "雲", "分付道", "吩咐道", "叫一声", "叫一聲", "叫声", "叫聲", "说声",
    "說聲", "喊一声", "喊一聲",
];

/// Words ending in a one-character verb that are not that verb (`知道`, `听说`, `却说`).
#[rustfmt::skip]
pub(super) const NOT_VERBS: &[&str] = &[
    "知道", "难道", "難道", "味道", "大道", "一道", "街道", "轨道", "軌道", "古道", "频道", "頻道", "通道", "渠道", "隧道", "跑道",
    "正道", "霸道", "地道", "车道", "車道", "航道", "管道", "水道", "铁道", "鐵道", "步道", "栈道", "食道", "门道",
    "門道", "称道", "稱道", "世道", "修道", "得道", "悟道", "讲道", "講道", "论道", "論道", "布道", "传道", "傳道", "行道", "有道",
    "无道", "無道", "之道", "乐道", "樂道", "黄道", "黃道", "邪道", "外道", "赤道", "孔道", "听说", "聽說", "据说", "據說", "所说",
    "所說", "小说", "小說", "话说", "話說", "却说", "卻說", "且说", "且說", "再说", "再說", "虽说", "雖說", "是说", "是說", "如说",
    "比如说", "譬如说", "不用说", "不必说", "就是说", "也就是说", "俗称", "俗稱", "又称", "又稱", "简称", "簡稱", "统称", "統稱", "号称",
    "號稱", "名称", "名稱", "职称", "職稱", "人称", "人稱", "对称", "對稱", "相称", "相稱", "自称", "自稱", "堪称", "堪稱", "并称",
    "並稱", "疑问", "疑問", "学问", "學問", "顾问", "顧問", "访问", "訪問", "询问", "詢問", "提问", "過問", "过问", "大叫",
    "问答", "問答", "答应", "答應", "报答", "報答", "反应", "反應", "适应", "適應", "相应", "相應", "响应", "響應", "供应", "供應",
    "效应", "效應", "应应", "理应", "理應", "应该", "感应", "感應", "对应", "對應", "呼应", "呼應", "吆喝", "喝喝", "吃喝", "叫喊",
    "呐喊", "吶喊", "见说", "見說", "闻说", "聞說", "白云", "白雲", "风云", "風雲", "青云", "青雲",
    "彩云", "彩雲", "乌云", "烏雲", "浮云", "浮雲", "云云", "雲雲",
];

/// Common surnames (simplified and traditional); a name the text does not list elsewhere
/// is taken only when it starts with one of these. Characters that also begin common
/// words (`和`, `高温`'s `高` stays, it is too common a name) are left out where the word
/// is far more common than the name.
pub(super) const SURNAMES: &str = "宁寧王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔汤温康施牛樊葛邢乔伍庞颜倪庄聂章鲁岳翟殷詹欧耿焦俞左柳甘祝舒阮柯纪梅童凌毕季裴霍涂苗谷盛曲翁冉骆蓝游辛靳柴蒙鲍喻祁蒲滕屈饶牟艾尤穆卓缪芦麦褚娄窦戚岑景卜晏柏宗瞿桂佟臧闵苟邬卞姬仇栾隋刁巫寇郎甄丛仲虞敖巩佘邝鞠惠荆冀郁胥栗鄢谌奚粟冼蔺禹漆狄扈晁芮阙邸雍辜裘亓邰赫逯茹诸嵇湛戎茅项洪諸葛劉陳楊黃趙吳孫馬鄭謝韓馮鄧葉蘇呂鍾譚陸鄒龔賈顧錢嚴湯溫莊聶魯嶽閻藍駱靳鮑蕭魏張許羅蔣盧韋賀龍萬喬龐歐項";

/// Surnames that also begin common words: taken only right after a title (`居民应凤英`).
pub(super) const MORE_SURNAMES: &str = "应應和向时時都那但由相来來平国國海明原南门門公信战計计元展区區位初容强強支全商路车車连連关關包单單解管文安常易齐齊阳陽党黨宫宮费費冷米边邊师師沙荣榮桑池查麻官封谈談乐樂燕楚劳勞皮楼樓帅帥豆盖蓋祖索宣晋雲云敬穆农農司古吉简簡席满滿闻聞权權练練利居干斯衣富智印宿鲜鮮隆玉银銀宾賓井巴丰豐卿普修成华華於";

/// Last characters that make a verb or adverb glued to a name (`宝玉听`, `何进笑`,
/// `真人答`), not part of it.
pub(super) const GLUED: &str = "答稟禀笑喝拜迎慢亦告怒叫哭问問听聽看见見想忙因又便都也还還乃遂却卻就才先再冷微连連急慌齐齊同复復更且着著跪骂罵谢謝劝勸令传傳叹嘆闻聞道说說曰云";

/// Two-character surnames.
#[rustfmt::skip]
pub(super) const DOUBLE_SURNAMES: &[&str] = &[
    "欧阳", "歐陽", "司马", "司馬", "诸葛", "諸葛", "上官", "皇甫", "令狐", "慕容", "夏侯", "东方", "東方", "端木", "公孙", "公孫",
    "尉迟", "尉遲", "长孙", "長孫",
];

/// Titles and roles that stand right before a name in news (`首席架构师丁成`); the chain
/// of them is the speaker's title.
#[rustfmt::skip]
pub(super) const TITLES: &[&str] = &[
    "总经理", "經理", "经理", "总工程师", "工程师", "工程師", "架构师", "设计师", "分析师", "会计师", "律师", "律師", "医师", "医生",
    "醫生", "护士长", "护士", "教师", "老师", "老師", "教授", "研究员", "研究員", "院士", "博士", "专家", "學者", "学者", "主任",
    "院长", "院長", "局长", "局長", "厅长", "部长", "部長", "市长", "市長", "区长", "县长", "縣長", "镇长", "乡长", "村长", "校长",
    "校長", "处长", "科长", "所长", "站长", "厂长", "队长", "组长", "班长", "值班长", "社长", "会长", "會長", "董事长", "董事長",
    "理事长", "秘书长", "行长", "台长", "馆长", "司长", "省长", "州长", "总理", "主席", "书记", "書記", "常委", "委员", "委員",
    "总监", "總監", "总裁", "總裁", "负责人", "負責人", "带头人", "创始人", "合伙人", "发言人", "發言人", "主编", "编辑", "司机", "司機",
    "村民", "居民", "市民", "住户", "果农", "菜农", "农民", "农户", "村医", "工人", "职工", "员工", "店主", "老板", "摊主", "志愿者",
    "网格员", "调度员", "驾驶员", "乘务员", "队员", "民警", "警官", "消防员", "快递员", "外卖员", "骑手", "学生", "家长", "游客", "乘客",
    "业主", "患者", "家属", "董事", "主管", "首席", "CEO", "总干事", "总指挥", "指挥长", "代表", "党员", "技术员", "技师", "厨师",
    "船长", "机长", "大使", "参赞", "议员", "法官", "检察官", "科学家", "经济学家", "作家", "艺术家",
    // Callings a reference work or a report names people by (`数学家`, `地理学家` by their
    // common end `学家`; `诗人`, `书法家`, `社工`, `检修工长`).
    "学家", "學家", "诗人", "詩人", "词人", "詞人", "文人", "画家", "畫家", "书法家", "書法家", "思想家", "政治家", "军事家",
    "軍事家", "旅行家", "探险家", "探險家", "发明家", "發明家", "社工", "工长", "工長",
    // A person of a dynasty (`清朝人赵士吉`); not `代人`, which ends `一代人` before any word.
    "朝人",
];

/// Words among [`TITLES`] that say where someone lives or what they are to what happened
/// (a villager, a resident, a passenger, a student, a person of an era), not a post or a
/// trade held: a chain ending in one (`青岩县高坪村村民`, `老城区居民`, `高二学生`, `清朝人`)
/// describes the speaker and is not given as a title, though a name still follows it
/// (`村民岑福林`).
#[rustfmt::skip]
pub(super) const STATUS_WORDS: &[&str] = &[
    "村民", "居民", "市民", "住户", "业主", "游客", "乘客", "旅客", "患者", "病人", "家属", "家长", "网友", "群众",
    "学生", "朝人",
];

/// Words a subject clause may start with before its subject (`而`, `对此`, `据`).
#[rustfmt::skip]
pub(super) const LEADS: &[&str] = &[
    "而", "但", "并", "对此", "對此", "随后", "隨後", "同时", "同時", "此外", "另外", "据", "據", "用", "不过", "不過", "然后", "然後",
    "当日", "當日", "次日", "次后", "次後", "只见", "只見", "但见", "但見", "忽见", "忽見", "当下", "當下", "却说", "卻說", "且说", "且說", "话说", "話說", "此时", "此時", "这时", "這時",
];

/// Words and characters that modify a speech verb without naming anyone (`忙笑道`,
/// `口中只道`, `斩钉截铁地说`): a clause of nothing else has its subject further back.
#[rustfmt::skip]
pub(super) const MODIFIER_WORDS: &[&str] = &[
    "口中", "心中", "一面", "一边", "一邊", "不住", "连忙", "連忙", "急忙", "慌忙", "赶忙", "趕忙", "冷笑", "大笑", "微笑", "笑着",
    "笑著", "点头", "點頭", "摇头", "搖頭", "高声", "高聲", "低声", "低聲", "厉声", "厲聲", "轻声", "輕聲", "悄悄", "忍不住", "回头",
    "回頭", "转身", "轉身", "向他", "对他", "向她", "对她", "又向", "拍手", "拍着手", "叹口气", "叹了口气",
    "心下", "心里", "心裏", "肚里", "肚裏", "口里", "口裏", "不觉", "不覺", "不禁", "出来", "出來", "上前", "近前", "向前", "进来", "進來", "过来", "過來", "起身",
];
pub(super) const MODIFIER_CHARS: &str = "便忙笑因又遂乃也还還却卻只都就即亦方才先再冷大微连連急慌含陪赔賠齐齊同复復更且着著地叹嘆哭怒惊驚喜应應答问問说說一";

/// Characters stripped from the end of a subject standing alone before its verb when the
/// text's names are counted (`凤姐冷笑道` → 凤姐).
pub(super) const TRAILING_MODIFIERS: &str =
    "笑忙又便因遂乃也还還却卻只都就即亦才先再冷大微连連急慌齐齊同复復更且着著";

/// Subjects that are not names.
#[rustfmt::skip]
pub(super) const NOT_NAMES: &[&str] = &[
    "有人", "人们", "人們", "大家", "记者", "記者", "我们", "我們", "你们", "你們", "咱们", "对方", "對方", "双方", "雙方", "公司",
    "企业", "政府", "学校", "医院", "专家", "官方", "报告", "数据", "研究", "文件", "通知", "如果", "可以", "或者", "比如",
    "孩子", "有的", "一面", "如此", "于是", "於是", "因此", "只见", "只見", "但见", "忽见", "忽然", "原来", "原來", "二人", "两人",
    "兩人", "三人", "众人", "眾人", "众位", "古语", "古語", "俗语", "俗話", "俗话", "常言", "文章", "学者", "有学者",
    "有文章", "书中", "书上", "上面", "后来", "後來", "此时", "此時", "这时", "這時", "那时", "那時", "当下", "當下", "不想", "谁知",
    "誰知", "只听", "只聽", "一时", "一時", "正是", "真是", "便是", "就是", "自己", "心里", "心裡", "口里", "口裡", "嘴里", "嘴裡",
    "天下", "世人", "施礼", "施禮", "今天", "明天", "昨天", "现在", "現在", "当时", "當時",
];

/// First characters of subjects that are not names (`那人`, `这位`, `一个`).
pub(super) const NOT_NAME_STARTS: &str = "谓謂两兩心满滿这這那此其一不也又便只忙因遂乃却卻就都还還再即则則但而且若如所被把将將与與和对對向在从從自于於我你他她它您咱谁誰何怎么麼的了着著过過是有无無没沒说說笑问問答叫听聽见見";

/// Forms of address that make a name of a surname (`卜师傅`, `王阿姨`).
#[rustfmt::skip]
pub(super) const ADDRESS: &[&str] = &[
    "师傅", "師傅", "阿姨", "大爷", "大爺", "大妈", "大媽", "先生", "女士", "老师", "老師", "大姐", "大哥",
];

/// One-character verbs that name a thing when a quote follows them without a mark
/// (`人称“…”`, `叫“…”`).
pub(super) const NAMING_VERBS: &str = "叫称稱问問喝答应應";

/// Demonstratives before a known name or role (`那后生`, `好猴王`): the name is the rest.
pub(super) const DEMONSTRATIVES: &[&str] = &["那", "这", "這", "好"];

/// Epithets that make a name with a known one after them (`美猴王`).
pub(super) const EPITHETS: &[&str] = &["美"];

/// Kin and roles that stand for one person of a story (`母亲`, `老人`, `外祖母`): a name
/// of the text once they stand alone before a speech verb at the start of a sentence.
#[rustfmt::skip]
pub(super) const ROLE_NOUNS: &[&str] = &[
    "老人", "母亲", "母親", "父亲", "父親", "祖父", "祖母", "外祖母", "外祖父", "老太太", "老太爷", "老太爺", "老头子", "老頭子",
    "老头", "老頭", "儿子", "兒子", "女儿", "女兒", "姥姥", "奶奶", "爷爷", "爺爺", "妈妈", "媽媽", "爸爸", "老爷", "老爺", "太太",
];

/// Verbs of telling or writing about something that take what they are about before a
/// colon and a quote (`王祯在《农书》中叙述木制活字：“`, `他称赞这座桥：“`).
#[rustfmt::skip]
pub(super) const WRITING_VERBS: &[&str] = &[
    "叙述", "敘述", "描述", "描写", "描寫", "记述", "記述", "记载", "記載", "提到", "谈到", "談到", "称赞", "稱讚", "赞叹",
    "讚嘆", "赞扬", "讚揚", "评价", "評價", "形容",
];

/// Verbs of addressing that take the one addressed before a colon and a quote
/// (`问小喽啰：“`, `喝那后生：“`, `分付道童：“`).
#[rustfmt::skip]
pub(super) const ADDRESSING_VERBS: &[&str] = &[
    "问", "問", "喝", "叫", "唤", "喚", "骂", "罵", "分付", "吩咐", "嘱咐", "囑咐", "教", "告诉", "告訴", "喊",
];

/// First characters of a clause that has no subject of its own, only a predicate
/// (`暗喜道`, `叩头礼拜道`, `便对真人说道`, `转身答礼道`): its subject is an earlier clause's.
pub(super) const PREDICATE_STARTS: &str = "便又遂就却卻乃也还還复復再即忙连連急慌暗满滿叩跪拜起跳指回拍点點摇搖寻尋思想叹歎嘆问問答骂罵喝叫冷微笑哭怒惊驚吃喫朝望低抬拱躬欠顿頓厉厲高轻輕怨对對向撇丢丟放拿将將把看听聽闻聞沉出入来來去转轉启啓咄伸劈纵縱捻念扑撲叉仰俯应應喊嚷称稱谢謝辞辭禀稟奏喜慨感伏捧举舉执執近走进進退坐迎赶趕悄打盘盤卖賣抖杂雜报報扬揚越施失";

/// Words that bring a new person into a clause (`一个丫头`, `众人`), or that make the
/// clause's subject someone seen or heard (`只见`, `听得`): such a clause is no bare
/// predicate.
pub(super) const NEW_PERSON: &[&str] =
    &["一个", "一個", "一人", "一位", "那", "这", "這", "众", "衆", "眾", "们", "們"];

/// Characters after which a name is the object of a verb (`指定悟空`, `对真人`).
pub(super) const OBJECT_MARKS: &str = "对對向问問叫唤喚指定着著谓謂与與和同跟把将將替给給";

/// One-character roles that name their holder when they recur as a subject (`帝曰`).
pub(super) const ROLE_CHARS: &str = "帝娘";

/// Characters that are never a one-character name before `曰` or `道`.
pub(super) const NOT_ONE_CHAR_NAMES: &str = "出入来來去上下回起坐立行走看言谓謂诗詩词詞书書文歌赋賦记記传傳经經史志铭銘谚諺语語注疏序人众衆眾皆各或吾我汝尔爾彼此其某公卿君臣兵军軍民贼賊帝王后妃僧尼";

/// Kin that name a person by another (`小顺儿的妈`).
#[rustfmt::skip]
pub(super) const KIN: &[&str] = &[
    "妈", "媽", "娘", "母亲", "母親", "爸", "爹", "父亲", "父親", "儿子", "兒子", "女儿", "女兒", "媳妇", "媳婦", "老婆",
    "太太", "丈夫", "哥哥", "姐姐", "弟弟", "妹妹",
];

/// Characters that make a predicate of quoted words, not a name: negation and aspect
/// (`基本不再新增授信`, against a name such as `上海智能算力加速计划`).
pub(super) const PREDICATE_MARKS: [char; 5] = ['不', '没', '沒', '未', '已'];
