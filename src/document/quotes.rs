//! Quotations (“…”, 「…」): spans, kind (speech or term) and speaker.
//!
//! Pairing works like brackets, one paragraph at a time: each closing mark closes the
//! nearest open mark of its kind, and only the outermost pairs are quotations, so `‘…’`
//! (or a stray inner `“…”`) stays part of the quote around it and an unpaired mark never
//! reaches past its paragraph.
//!
//! Speakers come from what the text says next to the quote (`陈海慈表示,“…”`,
//! `“…”首席架构师丁成说`, `常莉说:“…”`, `用…徐晖的话说,“…”`); a pronoun (`他说`) stands for
//! the person last named in the paragraph (or, for a paragraph that opens with the quote,
//! the one before). When nothing names the speaker the speaker is `None`.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use serde::Serialize;

/// Whether a quotation is speech or a quoted term.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// Something a person said.
    Speech,
    /// A short phrase in quotation marks.
    Term,
}

impl QuoteKind {
    /// The name used in command output (`speech`, `term`).
    pub fn name(self) -> &'static str {
        match self {
            QuoteKind::Speech => "speech",
            QuoteKind::Term => "term",
        }
    }
}

/// One quotation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// Byte offset of the opening mark.
    pub start: usize,
    /// Byte offset just past the closing mark.
    pub end: usize,
    /// Speech or term.
    pub kind: QuoteKind,
    /// Who said it, when the text names them.
    pub speaker: Option<String>,
    /// The speaker's title as the text gives it before the name (`首席架构师`), in news.
    pub speaker_title: Option<String>,
}

impl Quote {
    /// The quoted words without the outer marks.
    pub fn inner<'a>(&self, text: &'a str) -> &'a str {
        let s = &text[self.start..self.end];
        let mut chars = s.chars();
        chars.next();
        chars.next_back();
        chars.as_str()
    }
}

/// Verbs that attribute speech (simplified and traditional), matched at the end of the
/// clause that names the speaker; the longest match wins, so `补充道` beats `道`.
const VERBS: &[&str] = &[
    "告诉本报记者",
    "告訴本報記者",
    "告诉记者",
    "告訴記者",
    "对记者说",
    "對記者說",
    "向记者表示",
    "向记者介绍",
    "的话说",
    "的話說",
    "补充说",
    "补充道",
    "補充說",
    "補充道",
    "举例说",
    "舉例說",
    "介绍说",
    "介紹說",
    "分析道",
    "分析说",
    "分析說",
    "分析称",
    "解释说",
    "解釋說",
    "解释道",
    "回忆说",
    "回憶說",
    "回忆道",
    "感慨道",
    "感叹道",
    "感嘆道",
    "笑着说",
    "笑著說",
    "表示",
    "介绍",
    "介紹",
    "认为",
    "認為",
    "指出",
    "强调",
    "強調",
    "坦言",
    "坦承",
    "笑言",
    "直言",
    "透露",
    "解释",
    "解釋",
    "回忆",
    "回憶",
    "感慨",
    "感叹",
    "感嘆",
    "说道",
    "說道",
    "则称",
    "則稱",
    "笑称",
    "笑稱",
    "声称",
    "聲稱",
    "宣称",
    "宣稱",
    "称",
    "稱",
    "说",
    "說",
    "道",
    "曰",
    "喝令",
    "分付",
    "吩咐",
    "嘱咐",
    "囑咐",
    "告诉",
    "告訴",
    "问",
    "問",
    "叫",
    "喝",
    "骂",
    "罵",
    "嚷",
    "喊",
    "答",
    "应",
    "應",
    "写道",
    "寫道",
];

/// Words ending in a one-character verb that are not that verb (`知道`, `听说`, `却说`).
const NOT_VERBS: &[&str] = &[
    "知道",
    "难道",
    "難道",
    "味道",
    "大道",
    "一道",
    "街道",
    "轨道",
    "軌道",
    "古道",
    "频道",
    "頻道",
    "通道",
    "渠道",
    "隧道",
    "跑道",
    "报道",
    "報道",
    "正道",
    "霸道",
    "地道",
    "车道",
    "車道",
    "航道",
    "管道",
    "水道",
    "铁道",
    "鐵道",
    "步道",
    "栈道",
    "食道",
    "门道",
    "門道",
    "称道",
    "稱道",
    "世道",
    "修道",
    "得道",
    "悟道",
    "讲道",
    "講道",
    "论道",
    "論道",
    "布道",
    "传道",
    "傳道",
    "行道",
    "有道",
    "无道",
    "無道",
    "之道",
    "乐道",
    "樂道",
    "黄道",
    "黃道",
    "邪道",
    "外道",
    "赤道",
    "孔道",
    "听说",
    "聽說",
    "据说",
    "據說",
    "所说",
    "所說",
    "小说",
    "小說",
    "话说",
    "話說",
    "却说",
    "卻說",
    "且说",
    "且說",
    "再说",
    "再說",
    "虽说",
    "雖說",
    "是说",
    "是說",
    "如说",
    "比如说",
    "譬如说",
    "不用说",
    "不必说",
    "就是说",
    "也就是说",
    "俗称",
    "俗稱",
    "又称",
    "又稱",
    "简称",
    "簡稱",
    "统称",
    "統稱",
    "号称",
    "號稱",
    "名称",
    "名稱",
    "职称",
    "職稱",
    "人称",
    "人稱",
    "对称",
    "對稱",
    "相称",
    "相稱",
    "自称",
    "自稱",
    "堪称",
    "堪稱",
    "并称",
    "並稱",
    "疑问",
    "疑問",
    "学问",
    "學問",
    "顾问",
    "顧問",
    "访问",
    "訪問",
    "询问",
    "詢問",
    "提问",
    "過問",
    "过问",
    "大叫",
    "回答",
    "问答",
    "問答",
    "答应",
    "答應",
    "报答",
    "報答",
    "反应",
    "反應",
    "适应",
    "適應",
    "相应",
    "相應",
    "响应",
    "響應",
    "供应",
    "供應",
    "效应",
    "效應",
    "应应",
    "理应",
    "理應",
    "应该",
    "感应",
    "感應",
    "对应",
    "對應",
    "呼应",
    "呼應",
    "吆喝",
    "喝喝",
    "吃喝",
    "叫喊",
    "呐喊",
    "吶喊",
    "见说",
    "見說",
    "闻说",
    "聞說",
];

/// Common surnames (simplified and traditional); a name the text does not list elsewhere
/// is taken only when it starts with one of these. Characters that also begin common
/// words (`和`, `高温`'s `高` stays, it is too common a name) are left out where the word
/// is far more common than the name.
const SURNAMES: &str = "宁寧王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔汤温康施牛樊葛邢乔伍庞颜倪庄聂章鲁岳翟殷詹欧耿焦俞左柳甘祝舒阮柯纪梅童凌毕季裴霍涂苗谷盛曲翁冉骆蓝游辛靳柴蒙鲍喻祁蒲滕屈饶牟艾尤穆卓缪芦麦褚娄窦戚岑景卜晏柏宗瞿桂佟臧闵苟邬卞姬仇栾隋刁巫寇郎甄丛仲虞敖巩佘邝鞠惠荆冀郁胥栗鄢谌奚粟冼蔺禹漆狄扈晁芮阙邸雍辜裘亓邰赫逯茹诸嵇湛戎茅项洪諸葛劉陳楊黃趙吳孫馬鄭謝韓馮鄧葉蘇呂鍾譚陸鄒龔賈顧錢嚴湯溫莊聶魯嶽閻藍駱靳鮑蕭魏";

/// Surnames that also begin common words: taken only right after a title (`居民应凤英`).
const MORE_SURNAMES: &str = "应應和向时時都那但由相来來平国國海明原南门門公信战計计元展区區位初容强強支全商路车車连連关關包单單解管文安常易齐齊阳陽党黨宫宮费費冷米边邊师師沙荣榮桑池查麻官封谈談乐樂燕楚劳勞皮楼樓帅帥豆盖蓋祖索宣晋雲云敬穆农農司古吉简簡席满滿闻聞权權练練利居干斯衣富智印宿鲜鮮隆玉银銀宾賓井巴丰豐卿普修成华華於";

/// Last characters that make a verb or adverb glued to a name (`宝玉听`, `何进笑`,
/// `真人答`), not part of it.
const GLUED: &str = "答稟禀笑喝拜迎慢亦告怒叫哭问問听聽看见見想忙因又便都也还還乃遂却卻就才先再冷微连連急慌齐齊同复復更且着著跪骂罵谢謝劝勸令传傳叹嘆闻聞道说說曰云";

/// Two-character surnames.
const DOUBLE_SURNAMES: &[&str] = &[
    "欧阳", "歐陽", "司马", "司馬", "诸葛", "諸葛", "上官", "皇甫", "令狐", "慕容", "夏侯", "东方", "東方",
    "端木", "公孙", "公孫", "尉迟", "尉遲", "长孙", "長孫",
];

/// Titles and roles that stand right before a name in news (`首席架构师丁成`); the chain
/// of them is the speaker's title.
const TITLES: &[&str] = &[
    "总经理",
    "經理",
    "经理",
    "总工程师",
    "工程师",
    "工程師",
    "架构师",
    "设计师",
    "分析师",
    "会计师",
    "律师",
    "律師",
    "医师",
    "医生",
    "醫生",
    "护士长",
    "护士",
    "教师",
    "老师",
    "老師",
    "教授",
    "研究员",
    "研究員",
    "院士",
    "博士",
    "专家",
    "學者",
    "学者",
    "主任",
    "院长",
    "院長",
    "局长",
    "局長",
    "厅长",
    "部长",
    "部長",
    "市长",
    "市長",
    "区长",
    "县长",
    "縣長",
    "镇长",
    "乡长",
    "村长",
    "校长",
    "校長",
    "处长",
    "科长",
    "所长",
    "站长",
    "厂长",
    "队长",
    "组长",
    "班长",
    "值班长",
    "社长",
    "会长",
    "會長",
    "董事长",
    "董事長",
    "理事长",
    "秘书长",
    "行长",
    "台长",
    "馆长",
    "司长",
    "省长",
    "州长",
    "总理",
    "主席",
    "书记",
    "書記",
    "常委",
    "委员",
    "委員",
    "总监",
    "總監",
    "总裁",
    "總裁",
    "负责人",
    "負責人",
    "带头人",
    "创始人",
    "合伙人",
    "发言人",
    "發言人",
    "主编",
    "编辑",
    "司机",
    "司機",
    "村民",
    "居民",
    "市民",
    "住户",
    "果农",
    "菜农",
    "农民",
    "农户",
    "村医",
    "工人",
    "职工",
    "员工",
    "店主",
    "老板",
    "摊主",
    "志愿者",
    "网格员",
    "调度员",
    "驾驶员",
    "乘务员",
    "队员",
    "民警",
    "警官",
    "消防员",
    "快递员",
    "外卖员",
    "骑手",
    "学生",
    "家长",
    "游客",
    "乘客",
    "业主",
    "患者",
    "家属",
    "董事",
    "主管",
    "首席",
    "CEO",
    "总干事",
    "总指挥",
    "指挥长",
    "代表",
    "党员",
    "技术员",
    "技师",
    "厨师",
    "船长",
    "机长",
    "大使",
    "参赞",
    "议员",
    "法官",
    "检察官",
    "科学家",
    "经济学家",
    "作家",
    "艺术家",
];

/// Words a subject clause may start with before its subject (`而`, `对此`, `据`).
const LEADS: &[&str] = &[
    "而", "但", "并", "对此", "對此", "随后", "隨後", "同时", "同時", "此外", "另外", "据", "據", "用",
    "不过", "不過",
];

/// Words and characters that modify a speech verb without naming anyone (`忙笑道`,
/// `口中只道`, `斩钉截铁地说`): a clause of nothing else has its subject further back.
const MODIFIER_WORDS: &[&str] = &[
    "口中",
    "心中",
    "一面",
    "一边",
    "一邊",
    "不住",
    "连忙",
    "連忙",
    "急忙",
    "慌忙",
    "赶忙",
    "趕忙",
    "冷笑",
    "大笑",
    "微笑",
    "笑着",
    "笑著",
    "点头",
    "點頭",
    "摇头",
    "搖頭",
    "高声",
    "高聲",
    "低声",
    "低聲",
    "厉声",
    "厲聲",
    "轻声",
    "輕聲",
    "悄悄",
    "忍不住",
    "回头",
    "回頭",
    "转身",
    "轉身",
    "向他",
    "对他",
    "向她",
    "对她",
    "又向",
    "拍手",
    "拍着手",
    "叹口气",
    "叹了口气",
];
const MODIFIER_CHARS: &str = "便忙笑因又遂乃也还還却卻只都就即亦方才先再冷大微连連急慌含陪赔賠齐齊同复復更且着著地叹嘆哭怒惊驚喜应應答问問说說一";

/// Characters stripped from the end of a subject standing alone before its verb when the
/// text's names are counted (`凤姐冷笑道` → 凤姐).
const TRAILING_MODIFIERS: &str = "笑忙又便因遂乃也还還却卻只都就即亦才先再冷大微连連急慌齐齊同复復更且着著";

/// Subjects that are not names.
const NOT_NAMES: &[&str] = &[
    "有人",
    "人们",
    "人們",
    "大家",
    "记者",
    "記者",
    "我们",
    "我們",
    "你们",
    "你們",
    "咱们",
    "对方",
    "對方",
    "双方",
    "雙方",
    "公司",
    "企业",
    "政府",
    "学校",
    "医院",
    "专家",
    "官方",
    "报告",
    "数据",
    "研究",
    "文件",
    "通知",
    "如果",
    "可以",
    "或者",
    "比如",
    "老人",
    "孩子",
    "有的",
    "一面",
    "如此",
    "于是",
    "於是",
    "因此",
    "只见",
    "只見",
    "但见",
    "忽见",
    "忽然",
    "原来",
    "原來",
    "二人",
    "两人",
    "兩人",
    "三人",
    "众人",
    "眾人",
    "大众",
    "众位",
    "古语",
    "古語",
    "俗语",
    "俗話",
    "俗话",
    "常言",
    "文章",
    "学者",
    "有学者",
    "有文章",
    "书中",
    "书上",
    "上面",
    "后来",
    "後來",
    "此时",
    "此時",
    "这时",
    "這時",
    "那时",
    "那時",
    "当下",
    "當下",
    "不想",
    "谁知",
    "誰知",
    "只听",
    "只聽",
    "一时",
    "一時",
    "正是",
    "真是",
    "便是",
    "就是",
    "自己",
    "心里",
    "心裡",
    "口里",
    "口裡",
    "嘴里",
    "嘴裡",
    "天下",
    "世人",
    "今天",
    "明天",
    "昨天",
    "现在",
    "現在",
    "当时",
    "當時",
];

/// First characters of subjects that are not names (`那人`, `这位`, `一个`).
const NOT_NAME_STARTS: &str = "谓謂两兩心满滿这這那此其一不也又便只忙因遂乃却卻就都还還再即则則但而且若如所被把将將与與和对對向在从從自于於我你他她它您咱谁誰何怎么麼的了着著过過是有无無没沒说說道笑问問答叫听聽见見众眾";

fn is_han(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' | '\u{f900}'..='\u{faff}')
}

fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '!' | '?' | '…')
}

fn is_open(c: char) -> bool {
    matches!(c, '“' | '「')
}

fn is_close(c: char) -> bool {
    matches!(c, '”' | '」')
}

/// Marks that end a clause for attribution (not `、`, which joins titles).
fn is_clause_end(c: char) -> bool {
    matches!(c, ',' | '，' | ':' | '：' | ';' | '；' | '(' | ')' | '（' | '）')
        || is_sentence_end(c)
        || is_open(c)
        || is_close(c)
}

/// The speech verb `clause` ends with: its byte length.
fn verb_at_end(clause: &str) -> Option<usize> {
    let v = VERBS.iter().filter(|v| clause.ends_with(*v)).max_by_key(|v| v.len())?;
    if NOT_VERBS.iter().any(|n| clause.ends_with(n) && n.len() > v.len()) {
        return None;
    }
    Some(v.len())
}

fn chars(s: &str) -> usize {
    s.chars().count()
}

/// The first `n` characters of `s` (or `None` when it is shorter).
fn take_chars(s: &str, n: usize) -> Option<&str> {
    match s.char_indices().nth(n) {
        Some((i, _)) => Some(&s[..i]),
        None => (chars(s) == n).then_some(s),
    }
}

/// Whether `s` may be a name on its own: two to four Han characters, none of the words
/// or starts that are not names.
fn plausible_name(s: &str) -> bool {
    let n = chars(s);
    (2..=4).contains(&n)
        && s.chars().all(is_han)
        && !NOT_NAMES.contains(&s)
        && !s.chars().next().is_some_and(|c| NOT_NAME_STARTS.contains(c))
        && !s
            .chars()
            .next_back()
            .is_some_and(|c| "听聽闻聞见見了着著又便忙因就笑叩一地们們的来來想".contains(c))
}

fn surname_len(s: &str) -> Option<usize> {
    if let Some(d) = DOUBLE_SURNAMES.iter().find(|d| s.starts_with(*d)) {
        return Some(d.len());
    }
    let c = s.chars().next()?;
    SURNAMES.contains(c).then(|| c.len_utf8())
}

/// Strips the words that open a clause without being its subject.
fn strip_leads(mut s: &str) -> &str {
    while let Some(l) = LEADS.iter().find(|l| s.starts_with(*l) && s.len() > l.len()) {
        s = &s[l.len()..];
    }
    s
}

/// Whether `s` is only modifiers of a verb (no subject in it).
fn only_modifiers(mut s: &str) -> bool {
    loop {
        if s.is_empty() {
            return true;
        }
        if let Some(w) = MODIFIER_WORDS.iter().find(|w| s.starts_with(*w)) {
            s = &s[w.len()..];
            continue;
        }
        let Some(c) = s.chars().next() else { return true };
        if MODIFIER_CHARS.contains(c) {
            s = &s[c.len_utf8()..];
            continue;
        }
        return false;
    }
}

/// Whether what stands between a news subject and its verb is an adverbial
/// (`也`, `斩钉截铁地`, `在接受本报记者采访时`, `向记者`).
fn adverbial(tail: &str) -> bool {
    if tail.is_empty() || only_modifiers(tail) {
        return true;
    }
    let n = chars(tail);
    (tail.ends_with('地') && n <= 6)
        || (tail.ends_with('时') || tail.ends_with('時'))
            && ["在", "接受", "于", "於"].iter().any(|p| tail.starts_with(p))
            && n <= 16
        || ["向", "对", "對", "跟", "给", "給"].iter().any(|p| tail.starts_with(p))
            && n <= 6
            && (tail.contains("记者") || tail.contains("記者"))
        || ["也", "还", "還", "则", "則", "又", "更", "曾", "再次", "一再", "反复", "反復"]
            .iter()
            .any(|p| tail.starts_with(p) && adverbial(&tail[p.len()..]))
}

/// The title chain before a name, cleaned of ages and descriptions
/// (`监控中心值班长、今年26岁的` → `监控中心值班长`).
fn title_chain(before: &str) -> Option<String> {
    let parts: Vec<&str> = before
        .split('、')
        .map(|p| p.rsplit_once('的').map_or(p, |(_, t)| t))
        .filter(|p| !p.is_empty() && !p.chars().any(|c| c.is_ascii_digit() || c == '岁' || c == '歲'))
        .collect();
    let last = parts.last()?;
    TITLES.iter().any(|t| last.ends_with(t)).then(|| parts.join("、"))
}

/// Who a clause before or after a quote names.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Who {
    /// A name, with the title chain before it (news).
    Name(String, Option<String>),
    /// 他 / 她 / 他们: the person last named.
    Pronoun,
}

/// The names of one text: subjects of its speech verbs, and people introduced by a title.
#[derive(Default)]
struct People {
    names: HashSet<String>,
    /// Names found after a title (`村民岑福林`): people of a report.
    titled: HashSet<String>,
}

/// How far back a pronoun looks for the person it stands for, in characters.
const LOOKBACK: usize = 1000;

impl People {
    /// The longest known name that `s` starts with.
    fn name_at<'s>(&self, s: &'s str) -> Option<&'s str> {
        let first = s.chars().next()?;
        if !is_han(first) {
            return None;
        }
        (2..=4)
            .rev()
            .filter_map(|n| take_chars(s, n))
            .find(|n| self.names.contains(*n) || self.titled.contains(*n))
    }

    fn known(&self, s: &str) -> bool {
        self.names.contains(s) || self.titled.contains(s)
    }

    /// The last known name that starts in `text[range]` (within [`LOOKBACK`] characters of
    /// its end).
    fn last_in<'t>(&self, text: &'t str, range: Range<usize>) -> Option<&'t str> {
        let s = &text[range.clone()];
        s.char_indices().rev().take(LOOKBACK).find_map(|(i, _)| self.name_at(&text[range.start + i..]))
    }

    /// A name standing after a title, or opening the clause (`首席架构师丁成`, `卢静怡`),
    /// with an adverbial after it: the subject of a news attribution.
    fn titled_subject(&self, clause: &str) -> Option<Who> {
        // Every place a name may start: the clause start or right after a title.
        let mut starts = vec![0];
        for (i, _) in clause.char_indices().skip(1) {
            if clause[..i].ends_with('的') || TITLES.iter().any(|t| clause[..i].ends_with(t)) {
                starts.push(i);
            }
        }
        for &p in starts.iter().rev() {
            let rest = &clause[p..];
            // After a title, surnames that also begin words count too (`副总裁常莉`).
            let loose =
                rest.chars().next().filter(|&c| p > 0 && MORE_SURNAMES.contains(c)).map(char::len_utf8);
            let Some(sl) = surname_len(rest).or(loose) else { continue };
            let char_before = clause[..p].chars().next_back();
            if char_before.is_some_and(|c| "向对對和跟与與同问問给給叫把被让讓替请請使令".contains(c))
            {
                continue;
            }
            // The name: surname and one or two characters; known names first, then the
            // length that leaves an adverbial before the verb.
            let lens: Vec<usize> = [3usize, 2, 4]
                .into_iter()
                .filter_map(|n| take_chars(rest, n).map(str::len))
                .filter(|&l| l > sl && rest[..l].chars().all(is_han))
                .filter(|&l| !rest[..l].chars().next_back().is_some_and(|c| GLUED.contains(c)))
                .collect();
            let pick =
                lens.iter().copied().find(|&l| self.known(&rest[..l]) && adverbial(&rest[l..])).or_else(
                    || {
                        lens.iter()
                            .copied()
                            .filter(|&l| l <= sl + 6)
                            .find(|&l| adverbial(&rest[l..]) && chars(&rest[..l]) <= 3)
                    },
                );
            let Some(l) = pick else { continue };
            let name = &rest[..l];
            if NOT_NAMES.contains(&name) {
                continue;
            }
            let title = if p > 0 { title_chain(&clause[..p]) } else { None };
            if p > 0 && title.is_none() {
                continue;
            }
            if p == 0 && !self.known(name) && chars(clause) > chars(name) + 8 {
                continue;
            }
            return Some(Who::Name(name.to_string(), title));
        }
        None
    }

    /// The subject of an attribution clause (the words before its speech verb).
    fn subject(&self, clause: &str) -> Option<Who> {
        let clause = strip_leads(clause.trim());
        for p in ["他们", "她们", "他們", "她們", "他", "她"] {
            if clause.strip_prefix(p).is_some_and(adverbial) {
                return Some(Who::Pronoun);
            }
        }
        // A known name opening the clause: `猴王慌忙磕头不住道`, `宝玉又向黛玉道`.
        if let Some(n) = self.name_at(clause) {
            let rest = &clause[n.len()..];
            let joined = rest.chars().next().is_some_and(|c| "的和与與及同、等们們之家".contains(c));
            if !joined {
                let title = None;
                return Some(Who::Name(n.to_string(), title));
            }
            return None;
        }
        if let Some(w) = self.titled_subject(clause) {
            return Some(w);
        }
        // A known name right before the verb: `…的卜师傅也说`.
        for (i, _) in clause.char_indices().rev().take(8) {
            if let Some(n) = self.name_at(&clause[i..]) {
                let before = clause[..i].chars().next_back();
                if adverbial(&clause[i + n.len()..])
                    && before.is_none_or(|c| !"向对對和跟与與同问問给給叫把被让讓替请請使令".contains(c))
                    && (before.is_none_or(|c| !is_han(c))
                        || clause[..i].ends_with('的')
                        || title_chain(&clause[..i]).is_some())
                {
                    return Some(Who::Name(n.to_string(), title_chain(&clause[..i])));
                }
            }
        }
        None
    }
}

/// Every top-level pair of marks in one paragraph, in order.
fn pairs(text: &str, para: Range<usize>) -> Vec<Range<usize>> {
    let mut curly: Vec<usize> = Vec::new();
    let mut corner: Vec<usize> = Vec::new();
    let mut found = Vec::new();
    for (i, c) in text[para.clone()].char_indices() {
        let at = para.start + i;
        match c {
            '“' => curly.push(at),
            '「' => corner.push(at),
            '”' => {
                if let Some(o) = curly.pop() {
                    found.push(o..at + c.len_utf8());
                }
            }
            '」' => {
                if let Some(o) = corner.pop() {
                    found.push(o..at + c.len_utf8());
                }
            }
            _ => {}
        }
    }
    found.sort_by_key(|r| (r.start, std::cmp::Reverse(r.end)));
    let mut top: Vec<Range<usize>> = Vec::new();
    for r in found {
        if top.last().is_none_or(|t| r.start >= t.end) {
            top.push(r);
        }
    }
    top
}

/// An attribution clause: words ending in a speech verb, and the mark after them.
#[derive(Debug, Clone)]
struct Attribution {
    clause_start: usize,
    verb_start: usize,
    /// Where the mark after the verb is, and the mark (`None` at the paragraph's end).
    after: usize,
    mark: Option<char>,
}

/// The attribution clauses of one paragraph, outside its quotes.
fn attributions(text: &str, para: Range<usize>, quotes: &[Range<usize>]) -> Vec<Attribution> {
    let mut out = Vec::new();
    let mut clause_start = para.start;
    let mut qi = 0;
    let mut iter = text[para.clone()].char_indices().peekable();
    let push = |clause_start: usize, at: usize, mark: Option<char>, out: &mut Vec<Attribution>| {
        let clause = &text[clause_start..at];
        if let Some(v) = verb_at_end(clause) {
            out.push(Attribution { clause_start, verb_start: at - v, after: at, mark });
        }
    };
    while let Some((i, c)) = iter.next() {
        let at = para.start + i;
        if let Some(q) = quotes.get(qi)
            && at == q.start
        {
            push(clause_start, at, Some(c), &mut out);
            // Skip the quote.
            while iter.peek().is_some_and(|&(j, _)| para.start + j < q.end) {
                iter.next();
            }
            clause_start = q.end;
            qi += 1;
            continue;
        }
        if is_clause_end(c) {
            push(clause_start, at, Some(c), &mut out);
            clause_start = at + c.len_utf8();
        }
    }
    push(clause_start, para.end, None, &mut out);
    out
}

/// Candidate names of a text: subjects standing alone before a speech verb (`宝玉道`,
/// `凤姐笑道`), counted; and names after a title anywhere near a quote.
fn collect_people(
    text: &str,
    paras: &[Range<usize>],
    all_pairs: &[Vec<Range<usize>>],
    all_attr: &[Vec<Attribution>],
) -> People {
    // Per candidate: how often it stands alone before a speech verb, and whether once at
    // the start of a sentence (a name does; a predicate like `大怒` follows its subject).
    let mut counts: HashMap<&str, (usize, bool)> = HashMap::new();
    let mut subjects: Vec<&str> = Vec::new();
    let empty = People::default();
    let mut titled = HashSet::new();
    for (pi, attrs) in all_attr.iter().enumerate() {
        if all_pairs[pi].is_empty() {
            continue;
        }
        for a in attrs {
            let mut subject = strip_leads(text[a.clause_start..a.verb_start].trim());
            // Strip modifiers from the end: `凤姐冷笑` → `凤姐`.
            for _ in 0..4 {
                if let Some(w) =
                    MODIFIER_WORDS.iter().find(|w| subject.ends_with(*w) && subject.len() > w.len())
                {
                    subject = &subject[..subject.len() - w.len()];
                } else if let Some(c) = subject
                    .chars()
                    .next_back()
                    .filter(|&c| TRAILING_MODIFIERS.contains(c) && chars(subject) > 2)
                {
                    subject = &subject[..subject.len() - c.len_utf8()];
                }
            }
            while chars(subject) > 2
                && let Some(c) = subject.chars().next_back().filter(|&c| GLUED.contains(c))
            {
                subject = &subject[..subject.len() - c.len_utf8()];
            }
            if plausible_name(subject) {
                let before = text[paras[pi].start..a.clause_start].trim_end().chars().next_back();
                let opens = before.is_none_or(|c| is_sentence_end(c) || is_close(c));
                let e = counts.entry(subject).or_default();
                e.0 += 1;
                e.1 |= opens;
            }
            subjects.push(text[a.clause_start..a.verb_start].trim());
            if let Some(Who::Name(n, Some(_))) = empty.titled_subject(&text[a.clause_start..a.verb_start]) {
                titled.insert(n);
            }
        }
        // People introduced by a title in this paragraph or the one before.
        let from = if pi > 0 { paras[pi - 1].start } else { paras[pi].start };
        titled_names(&text[from..paras[pi].end], &mut titled);
    }
    let mut names: HashSet<String> = counts
        .into_iter()
        .filter(|&(n, (c, opens))| opens && (c >= 2 || (surname_len(n).is_some() && chars(n) <= 3)))
        .map(|(n, _)| n.to_string())
        .collect();
    // What follows a name in a subject is not a name (`史進大怒道` → 大怒), nor is a name
    // with a verb glued on (`史進喝`).
    let mut drop = HashSet::new();
    for s in &subjects {
        for n in (2..=4).rev().filter_map(|k| take_chars(s, k)) {
            if n.len() < s.len() && names.contains(n) {
                let rest = &s[n.len()..];
                for k in 1..=4 {
                    if let Some(r) = take_chars(rest, k) {
                        drop.insert(r.to_string());
                    }
                }
                break;
            }
        }
    }
    let glued: Vec<String> = names
        .iter()
        .filter(|n| {
            let last = n.chars().next_back().unwrap_or('的');
            let stem = &n[..n.len() - last.len_utf8()];
            names.contains(stem) && !"家的儿兒子氏公娘婆姐哥弟妹爷爺叔伯太老王".contains(last)
        })
        .cloned()
        .collect();
    for n in drop.iter().chain(&glued) {
        names.remove(n);
    }
    People { names, titled }
}

/// Forms of address that make a name of a surname (`卜师傅`, `王阿姨`).
const ADDRESS: &[&str] =
    &["师傅", "師傅", "阿姨", "大爷", "大爺", "大妈", "大媽", "先生", "女士", "老师", "老師", "大姐", "大哥"];

/// Names right after a title (`村民岑福林种了`): two or three characters; and a surname
/// with a form of address (`卜师傅`).
fn titled_names(s: &str, out: &mut HashSet<String>) {
    let last_chars: HashSet<char> = TITLES.iter().filter_map(|t| t.chars().next_back()).collect();
    for (i, c) in s.char_indices() {
        if let Some(a) = ADDRESS.iter().find(|a| s[i..].starts_with(*a))
            && let Some(sur) = s[..i].chars().next_back()
            && SURNAMES.contains(sur)
        {
            let before = s[..i - sur.len_utf8()].chars().next_back();
            if before.is_none_or(|b| !is_han(b) || b == '的') {
                out.insert(format!("{sur}{a}"));
            }
        }
        if !last_chars.contains(&c) {
            continue;
        }
        let end = i + c.len_utf8();
        if !TITLES.iter().any(|t| s[..end].ends_with(t)) {
            continue;
        }
        let rest = &s[end..];
        let Some(first) = rest.chars().next().filter(|&c| MORE_SURNAMES.contains(c) || SURNAMES.contains(c))
        else {
            continue;
        };
        let sl = surname_len(rest).unwrap_or(first.len_utf8());
        let loose = !SURNAMES.contains(first);
        let three = take_chars(rest, 3).filter(|n| n.len() > sl && n.chars().all(is_han));
        let stop = |n: &str| {
            n.chars().next_back().is_some_and(|c| "说說表称稱在是的和与與也都就还還等了着著对對向从從把被给給认認指强強介坦直告回感补補分透笑又则則称曾为為到去来來".contains(c))
        };
        let name = match three {
            Some(n) if !stop(n) => Some(n),
            _ => take_chars(rest, 2).filter(|n| n.len() > sl && n.chars().all(is_han)),
        };
        let glued = |n: &&str| n.chars().next_back().is_some_and(|c| GLUED.contains(c));
        // A surname that also begins words only before a clear end of the name.
        let ends = |n: &&str| {
            rest[n.len()..].chars().next().is_none_or(|c| !is_han(c) || "的说說表称稱告".contains(c))
        };
        let name = name.filter(|n| !loose || ends(n));
        if let Some(n) = name.filter(|n| !NOT_NAMES.contains(n) && !glued(n)) {
            out.insert(n.to_string());
        }
    }
}

/// Finds the quotations of a document; `paragraphs` are the byte ranges of its paragraphs
/// in order (a quote never spans two).
pub fn find_quotes(text: &str, paragraphs: &[Range<usize>]) -> Vec<Quote> {
    let paras: Vec<Range<usize>> = paragraphs
        .iter()
        .filter(|p| p.start <= p.end && p.end <= text.len())
        .filter(|p| text.is_char_boundary(p.start) && text.is_char_boundary(p.end))
        .cloned()
        .collect();
    let all_pairs: Vec<Vec<Range<usize>>> = paras.iter().map(|p| pairs(text, p.clone())).collect();
    if all_pairs.iter().all(Vec::is_empty) {
        return Vec::new();
    }
    let all_attr: Vec<Vec<Attribution>> = paras
        .iter()
        .zip(&all_pairs)
        .map(|(p, q)| if q.is_empty() { Vec::new() } else { attributions(text, p.clone(), q) })
        .collect();
    let people = collect_people(text, &paras, &all_pairs, &all_attr);

    let mut out = Vec::new();
    for (pi, para) in paras.iter().enumerate() {
        let ctx = Context {
            text,
            para: para.clone(),
            pairs: &all_pairs[pi],
            attrs: &all_attr[pi],
            people: &people,
        };
        for q in &all_pairs[pi] {
            let (kind, who) = ctx.classify(q.clone());
            let (speaker, speaker_title) = match who {
                Some(Who::Name(n, t)) => (Some(n), t),
                Some(Who::Pronoun) => {
                    let from = paras[pi.saturating_sub(1)].start;
                    (people.last_in(text, from..q.start).map(str::to_string), None)
                }
                None => (None, None),
            };
            let (speaker, speaker_title) =
                if kind == QuoteKind::Speech { (speaker, speaker_title) } else { (None, None) };
            let speaker_title = speaker_title.filter(|_| speaker.is_some());
            out.push(Quote { start: q.start, end: q.end, kind, speaker, speaker_title });
        }
    }
    out
}

struct Context<'a> {
    text: &'a str,
    para: Range<usize>,
    pairs: &'a [Range<usize>],
    attrs: &'a [Attribution],
    people: &'a People,
}

/// One-character verbs that name a thing when a quote follows them without a mark
/// (`人称“…”`, `叫“…”`).
const NAMING_VERBS: &str = "叫称稱问問喝答应應";

impl Context<'_> {
    fn char_before(&self, at: usize) -> Option<char> {
        self.text[self.para.start..at].chars().next_back()
    }

    fn char_after(&self, at: usize) -> Option<char> {
        self.text[at..self.para.end].chars().next()
    }

    /// Start of the clause ending at `at` (after the last mark or quote).
    fn clause_start(&self, at: usize) -> usize {
        self.text[self.para.start..at]
            .char_indices()
            .rev()
            .find(|&(_, c)| is_clause_end(c))
            .map_or(self.para.start, |(i, c)| self.para.start + i + c.len_utf8())
    }

    /// Start of the sentence holding `at` (after `。！？` or a closing mark).
    fn sentence_start(&self, at: usize, at_closing: bool) -> usize {
        self.text[self.para.start..at]
            .char_indices()
            .rev()
            .find(|&(_, c)| is_sentence_end(c) || (at_closing && is_close(c)))
            .map_or(self.para.start, |(i, c)| self.para.start + i + c.len_utf8())
    }

    /// The subject of a clause with no subject of its own (`忙笑道`), from the clauses
    /// before it in its sentence: `宝玉听了，忙笑道` → 宝玉.
    fn subject_further_back(&self, clause_start: usize) -> Option<Who> {
        let stop = self.sentence_start(clause_start, true);
        let mut end = clause_start;
        for _ in 0..5 {
            // Step over the mark ending the earlier clause.
            let mark = self.text[stop..end].chars().next_back()?;
            if !matches!(mark, ',' | '，' | ';' | '；') {
                return None;
            }
            end -= mark.len_utf8();
            let start = self.clause_start(end).max(stop);
            let clause = strip_leads(&self.text[start..end]);
            if clause.contains('见') || clause.contains('見') || clause.contains("听得") {
                return None;
            }
            for p in ["他们", "她们", "他", "她"] {
                if clause.starts_with(p) {
                    return Some(Who::Pronoun);
                }
            }
            if let Some(n) = self.people.name_at(clause) {
                let joined =
                    clause[n.len()..].chars().next().is_some_and(|c| "的和与與及同、等们們之家".contains(c));
                return (!joined).then(|| Who::Name(n.to_string(), None));
            }
            // A clause naming someone else (not at its start) may be the subject's.
            if clause.char_indices().any(|(i, _)| self.people.name_at(&clause[i..]).is_some()) {
                return None;
            }
            end = start;
        }
        None
    }

    fn subject_of(&self, a: &Attribution) -> Option<Who> {
        let clause = &self.text[a.clause_start..a.verb_start];
        if let Some(w) = self.people.subject(clause) {
            return Some(w);
        }
        if only_modifiers(strip_leads(clause.trim())) {
            self.subject_further_back(a.clause_start)
        } else {
            None
        }
    }

    /// `陈海慈表示,“…”`, `宝玉笑道：“…”`: an attribution right before the opening mark.
    /// `Some(None)` when it has no subject the text supports.
    fn before(&self, q: &Range<usize>) -> Option<Option<Who>> {
        let a = self.attrs.iter().find(|a| {
            (a.after == q.start && a.mark.is_some_and(is_open))
                || a.mark.is_some_and(|m| {
                    matches!(m, ',' | '，' | ':' | '：') && a.after + m.len_utf8() == q.start
                })
        })?;
        let verb = &self.text[a.verb_start..a.after];
        if a.after == q.start && chars(verb) == 1 && verb.chars().all(|c| NAMING_VERBS.contains(c)) {
            return None;
        }
        Some(self.subject_of(a))
    }

    /// `“…”丁成说。`, `“…，”某某称，“…”`: the clause right after the closing mark (or the
    /// one after it in the same sentence) ends with a speech verb. An attribution ending
    /// in `：` introduces the next quote and is not this one's.
    fn after(&self, q: &Range<usize>) -> Option<Option<Who>> {
        let mut start = q.end;
        if let Some(c @ (',' | '，')) = self.char_after(start) {
            start += c.len_utf8();
        }
        let first = self.attrs.iter().position(|a| a.clause_start == start);
        let a = match first {
            Some(i) => &self.attrs[i],
            None => {
                // `“…”在301路公交车上，72岁的市民宁秀珍说。`: one clause further.
                let end = self.text[start..self.para.end].char_indices().find(|&(_, c)| is_clause_end(c))?;
                let (i, c) = end;
                if !matches!(c, ',' | '，') {
                    return None;
                }
                let next = start + i + c.len_utf8();
                let a = self.attrs.iter().find(|a| a.clause_start == next)?;
                if self.pairs.iter().any(|p| p.start >= start && p.start < next) {
                    return None;
                }
                let clause = &self.text[a.clause_start..a.verb_start];
                if a.mark.is_some_and(|m| matches!(m, ':' | '：')) || a.mark.is_some_and(is_open) {
                    return None;
                }
                // Only a subject the second clause names itself.
                return self.people.subject(clause).map(Some);
            }
        };
        if a.mark.is_some_and(|m| matches!(m, ':' | '：') || is_open(m)) {
            return None;
        }
        let clause = &self.text[a.clause_start..a.verb_start];
        match self.people.subject(clause) {
            Some(w) => Some(Some(w)),
            None => {
                let inner = &self.text[q.start..q.end];
                let ends =
                    inner.chars().rev().nth(1).is_some_and(|c| matches!(c, ',' | '，') || is_sentence_end(c));
                (ends && chars(clause) <= 12).then_some(None)
            }
        }
    }

    /// `徐晖说,……,“…”。`: the sentence holding the quote began with an attribution.
    fn in_sentence(&self, q: &Range<usize>) -> Option<Who> {
        let s = self.sentence_start(q.start, false);
        let a = self
            .attrs
            .iter()
            .rev()
            .filter(|a| a.clause_start >= s && a.after < q.start)
            .find(|a| a.mark.is_some_and(|m| matches!(m, ',' | '，')))?;
        if self.pairs.iter().any(|p| p.start > a.after && p.start < q.start) {
            return None;
        }
        self.subject_of(a)
    }

    /// `“…”90后丁成多年前…`: a person of the report within the first few characters after
    /// the quote.
    fn name_after(&self, q: &Range<usize>) -> Option<Who> {
        let rest = &self.text[q.end..self.para.end];
        rest.char_indices()
            .take(5)
            .take_while(|&(_, c)| !is_clause_end(c) && c != '、')
            .find_map(|(i, _)| {
                let n = self.people.name_at(&rest[i..])?;
                self.people.titled.contains(n).then_some(n)
            })
            .map(|n| Who::Name(n.to_string(), None))
    }

    /// `宁光表示,……。“…”`: the only person who spoke earlier in this paragraph.
    fn paragraph_speaker(&self, q: &Range<usize>) -> Option<Who> {
        let earlier: Vec<&Attribution> = self.attrs.iter().filter(|a| a.after < q.start).collect();
        if earlier.iter().any(|a| a.mark.is_some_and(|m| matches!(m, ':' | '：') || is_open(m))) {
            return None;
        }
        let mut named = earlier
            .iter()
            .filter(|a| a.mark.is_some_and(|m| matches!(m, ',' | '，' | '。')))
            .filter_map(|a| match self.people.subject(&self.text[a.clause_start..a.verb_start]) {
                Some(Who::Name(n, t)) => Some((n, t)),
                _ => None,
            });
        let first = named.next()?;
        let same = named.all(|n| n.0 == first.0);
        same.then_some(Who::Name(first.0, first.1))
    }

    /// Whether the quote stands as a clause of its own (not inside a phrase).
    fn standalone(&self, q: &Range<usize>) -> bool {
        let before = self.char_before(q.start);
        let after = self.char_after(q.end);
        let opens = before.is_none_or(|c| {
            matches!(c, ',' | '，' | ':' | '：' | ';' | '；') || is_sentence_end(c) || is_close(c)
        });
        let closes =
            after.is_none_or(|c| matches!(c, ',' | '，' | ';' | '；') || is_sentence_end(c) || is_open(c));
        opens && closes
    }

    fn classify(&self, q: Range<usize>) -> (QuoteKind, Option<Who>) {
        if let Some(w) = self.before(&q) {
            return (QuoteKind::Speech, w);
        }
        if let Some(w) = self.after(&q) {
            return (QuoteKind::Speech, w);
        }
        let inner =
            Quote { start: q.start, end: q.end, kind: QuoteKind::Term, speaker: None, speaker_title: None };
        let words = inner.inner(self.text);
        let sentence = words.chars().any(is_sentence_end);
        let standalone = self.standalone(&q);
        let in_sentence = if standalone { self.in_sentence(&q) } else { None };
        let clauses = words.chars().any(|c| matches!(c, ',' | '，' | ';' | '；'));
        if !(sentence || (standalone && (in_sentence.is_some() || clauses))) {
            return (QuoteKind::Term, None);
        }
        let who = in_sentence.or_else(|| self.name_after(&q)).or_else(|| {
            // A whole sentence of speech in a paragraph where one person has spoken.
            let whole = self.sentence_start(q.start, false) == q.start;
            if whole { self.paragraph_speaker(&q) } else { None }
        });
        (QuoteKind::Speech, who)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(text: &str) -> Vec<(String, QuoteKind, Option<String>)> {
        let paras: Vec<Range<usize>> =
            crate::document::split_blocks(text).iter().map(|b| b.range()).collect();
        find_quotes(text, &paras)
            .into_iter()
            .map(|q| (text[q.start..q.end].to_string(), q.kind, q.speaker))
            .collect()
    }

    #[test]
    fn nested_single_marks_stay_inside() {
        let q = quotes("“我们的‘从0到1’创新。”他说。");
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].0, "“我们的‘从0到1’创新。”");
    }

    #[test]
    fn an_unpaired_mark_stays_in_its_paragraph() {
        let q = quotes("他说“没有结尾\n另一段“建框架”的事");
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].0, "“建框架”");
        let q = quotes("他说“没有结尾,她说“好”");
        assert_eq!(q.iter().map(|x| x.0.as_str()).collect::<Vec<_>>(), vec!["“好”"]);
    }

    #[test]
    fn corner_brackets_are_quotes() {
        let q = quotes("王五说:「今天『很好』。」");
        assert_eq!(q, vec![("「今天『很好』。」".into(), QuoteKind::Speech, Some("王五".into()))]);
    }

    #[test]
    fn novel_dialogue_with_corner_brackets_and_dao() {
        let text = "林黛玉笑道:「你又来了。」\n宝玉听了,问道:「妹妹往哪里去?」\n「回家。」她说。";
        let q = quotes(text);
        let who: Vec<Option<&str>> = q.iter().map(|x| x.2.as_deref()).collect();
        assert_eq!(who, vec![Some("林黛玉"), None, None]);
        assert!(q.iter().all(|x| x.1 == QuoteKind::Speech));
    }

    #[test]
    fn a_pronoun_without_a_person_is_unknown() {
        let q = quotes("“明天再来。”他说。");
        assert_eq!(q, vec![("“明天再来。”".into(), QuoteKind::Speech, None)]);
    }

    #[test]
    fn unattributed_speech_has_no_speaker() {
        let q = quotes("有一句话:“这件事,谁也说不清。”");
        assert_eq!(q[0].1, QuoteKind::Speech);
        assert_eq!(q[0].2, None);
    }

    fn speakers(text: &str) -> Vec<Option<String>> {
        quotes(text).into_iter().map(|q| q.2).collect()
    }

    fn titled(text: &str) -> Vec<(Option<String>, Option<String>)> {
        let paras: Vec<Range<usize>> =
            crate::document::split_blocks(text).iter().map(|b| b.range()).collect();
        find_quotes(text, &paras).into_iter().map(|q| (q.speaker, q.speaker_title)).collect()
    }

    fn some(s: &str) -> Option<String> {
        Some(s.to_string())
    }

    #[test]
    fn news_title_chain_is_stripped_and_kept_as_the_title() {
        let t = titled("北京某公司首席架构师丁成说：“算力决定成本。”");
        assert_eq!(t, vec![(some("丁成"), some("北京某公司首席架构师"))]);
        let t = titled("市委常委、常务副市长钱卫东表示，“隧道今天通车。”");
        assert_eq!(t, vec![(some("钱卫东"), some("市委常委、常务副市长"))]);
        // Ages and descriptions are not part of the title.
        let t = titled("“都练过了。”监控中心值班长、今年26岁的覃晓光说。");
        assert_eq!(t, vec![(some("覃晓光"), some("监控中心值班长"))]);
    }

    #[test]
    fn news_verbs_adverbs_and_a_comma_before_the_attribution() {
        let q = quotes("“价格战打到最后，比拼的是成本，”研究院院长卢静怡称，“企业数量将减少。”");
        assert_eq!(q.iter().map(|x| x.1).collect::<Vec<_>>(), vec![QuoteKind::Speech; 2]);
        assert_eq!(
            speakers("“价格战打到最后，比拼的是成本，”研究院院长卢静怡称，“企业数量将减少。”"),
            vec![some("卢静怡"), some("卢静怡")]
        );
        assert_eq!(speakers("局长王建国斩钉截铁地说：“一定要办好。”"), vec![some("王建国")]);
        for verb in ["坦言", "直言", "感慨", "补充道", "分析道", "告诉本报记者", "则称", "透露", "强调"]
        {
            let text = format!("院长许嘉诚{verb}：“行业拐点还要看下半年。”");
            assert_eq!(speakers(&text), vec![some("许嘉诚")], "{text}");
        }
    }

    #[test]
    fn news_quote_at_the_end_of_an_attributed_sentence() {
        let text = "专业带头人褚文斌分析道，冷链需要人才，“缺口在1.5万人以上”。";
        assert_eq!(quotes(text)[0].1, QuoteKind::Speech);
        assert_eq!(speakers(text), vec![some("褚文斌")]);
    }

    #[test]
    fn a_pronoun_is_the_person_last_named_even_a_paragraph_before() {
        let text = "青岩县高坪村村民岑福林种了12亩甘蓝。\n他告诉本报记者：“去年多卖了0.4元。”";
        assert_eq!(speakers(text), vec![some("岑福林")]);
    }

    #[test]
    fn novel_attribution_gives_the_subject_never_the_addressee_or_a_glued_verb() {
        let text = "宝玉道：“我来了。”黛玉道：“你来做什么？”宝玉道：“看你。”黛玉道：“哦。”\n\
                    宝玉听了，忙笑道：“妹妹说得是。”\n\
                    宝玉又向黛玉道：“好妹妹。”\n\
                    士隐道：“请坐。”\n士隐因说道：“此事难办。”\n士隐道：“罢了。”";
        assert_eq!(
            speakers(text),
            vec![
                some("宝玉"),
                some("黛玉"),
                some("宝玉"),
                some("黛玉"),
                some("宝玉"),
                some("宝玉"),
                some("士隐"),
                some("士隐"),
                some("士隐")
            ]
        );
    }

    #[test]
    fn the_next_quotes_attribution_is_not_this_ones() {
        // `黛玉道：` introduces the second quote; the first stays unnamed.
        let text = "宝玉道：“好。”黛玉道：“嗯。”\n“你说呢？”黛玉道：“我不知道。”";
        let s = speakers(text);
        assert_eq!(s[2], None);
        assert_eq!(s[3], some("黛玉"));
    }

    #[test]
    fn function_words_are_not_names() {
        let text = "一面说道：“走吧。”\n如此说道：“也好。”";
        assert_eq!(speakers(text), vec![None, None]);
    }

    #[test]
    fn alternating_dialogue_without_attribution_stays_unnamed() {
        let text = "宝玉道：“走。”\n宝玉道：“去吗？”\n“不去。”\n“为什么？”";
        assert_eq!(speakers(text), vec![some("宝玉"), some("宝玉"), None, None]);
    }

    #[test]
    fn traditional_verbs_and_corner_marks() {
        assert_eq!(speakers("「這件事不好辦。」丁成說。"), vec![some("丁成")]);
        assert_eq!(speakers("院長丁成稱：「明年再議。」"), vec![some("丁成")]);
        assert_eq!(speakers("丁成表示：「可以。」"), vec![some("丁成")]);
    }

    #[test]
    fn naming_verbs_right_before_a_quote_are_terms() {
        let q = quotes("张角自称“天公将军”，张宝称“地公将军”。");
        assert!(q.iter().all(|x| x.1 == QuoteKind::Term && x.2.is_none()), "{q:?}");
    }
}
