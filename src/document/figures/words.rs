//! The words around a figure: what widens it (以上, 左右), approximations before it,
//! range marks, set phrases and names whose numerals are no figures, ordinals, and the
//! Western year after an era year.

use std::collections::HashMap;
use std::sync::LazyLock;

use super::number::*;
use crate::text::units;

/// Words after a figure that widen it.
pub(super) const TRAILING: &[&str] =
    &["以上", "以下", "左右", "以内", "之多", "上下", "出头", "已下", "以來", "以內"];

/// Approximations before a number, longest first; `(word, characters that may not precede
/// it)` so that 最近, 附近, 签约, 赶超, 找不到 … are not read as approximations.
pub(super) const APPROX: &[(&str, &str)] = &[
    (
        "不到",
        "找看听聽想做办辦买買拿说說见見吃受猜用感料意顾顧碰遇收接学學赶趕提考算轮輪走跑飞飛爬游挤擠抓捞撈捡撿查搜搞弄管得等达達办行",
    ),
    ("不足", ""),
    ("超过", "不"),
    ("超過", "不"),
    ("将近", ""),
    ("將近", ""),
    ("接近", ""),
    ("大约", ""),
    ("大約", ""),
    ("至少", ""),
    ("近", "最附邻鄰亲親靠贴貼就接将將"),
    ("约", "签簽预預节節邀制条條公合相简簡隐隱大"),
    ("約", "签簽预預节節邀制条條公合相简簡隐隱大"),
    ("超", "赶趕高追招"),
    ("逾", ""),
    ("零下", ""),
];

/// Range marks between two numbers (3-5年, 三至五年, 3到5年).
pub(super) const RANGE: &[char] = &['-', '~', '～', '至', '—', '–', '－', '到'];

/// Set phrases whose numerals are no figures (names, slogans, idioms).
pub(super) const SET_PHRASES: &[&str] = &[
    "约法三章",
    "三番五次",
    "五位一体",
    "三位一体",
    "四个全面",
    "四个意识",
    "四个自信",
    "两个维护",
    "两个确立",
    "三次产业",
    "十月革命",
    "八项规定",
    "四个中心",
    "四个服务",
    "三令五申",
    "五湖四海",
    "四面八方",
    "千方百计",
    "一五一十",
    "三心二意",
    "七上八下",
    "七嘴八舌",
    "五花八门",
    "十全十美",
    "万无一失",
    "三长两短",
    "四通八达",
    "九牛一毛",
    "三教九流",
    "三头六臂",
    "五颜六色",
    "一清二楚",
    "十万火急",
    "一点一滴",
    "二十四节气",
    "九章算术",
    "九章算術",
    "千军万马",
    "三十六计",
    "两面三刀",
    "三三两两",
    "接二连三",
    "一干二净",
    "乱七八糟",
    "四季",
    "五年规划",
    "胡说八道",
    "三步两步",
    "三回五次",
    "四世同堂",
    "珠三角",
    "两个关键小事",
    "十二支",
    "四大部洲",
    "十五个吊桶",
    "十五個吊桶",
    "长三角",
    "長三角",
];

/// The measure words of an everyday count in narration: anything, people, actions.
pub(super) const EVERYDAY_MEASURES: &[&str] = &[
    "个", "個", "人", "位", "声", "聲", "遍", "回", "次", "步", "脚", "腳", "眼", "把", "下", "番", "阵",
    "陣", "顿", "頓", "拳", "刀", "样", "樣", "字",
];

/// Parts of the body, which come in everyday pairs (两只眼, 两条腿, 两个耳朵).
pub(super) const BODY: &str = "眼手脚腳腿耳眉臂膀肩腮颊頰唇指拳膝脸臉翅爪蹄";

/// Units of length and weight that a smaller one may follow (三丈六尺五寸).
pub(super) const COMPOUND: &[&str] =
    &["丈", "尺", "寸", "分", "厘", "毫", "秒", "忽", "斤", "两", "兩", "钱", "錢"];

/// Times of day before an hour (3月15日上午10时, 凌晨三点).
pub(super) const DAYTIME: &[&str] = &[
    "上午", "下午", "凌晨", "早上", "早晨", "清晨", "中午", "晚上", "傍晚", "夜里", "夜裡", "深夜", "午夜",
    "晚",
];

/// Whether the number at `i` is an ordinal or a name: 第3, 第七、八条, A100, 附表1, 初三,
/// 星期三, and the section number at the start of a paragraph (2.1 含义, 1.2.1).
pub(super) fn is_ordinal_or_name(p: &str, i: usize, n: &Number) -> bool {
    let prev = prev_char(p, i);
    if prev == Some('第')
        || (!n.chinese && prev.is_some_and(|c| c.is_ascii_alphabetic() || c == '_' || c == '.'))
        || (!n.chinese && matches!(prev, Some('表' | '图' | '圖' | '件' | '式')))
        // 附录1, 目录2; not 收录1215年, 记录12次.
        || (!n.chinese && matches!(prev, Some('录' | '錄')) && matches!(prev_char(p, i - 3), Some('附' | '目')))
        || (n.chinese && matches!(prev, Some('初' | '周' | '週' | '老' | '番')))
        // 卷一百, 卷一一四: a volume cited (not 四十三卷二十册).
        || (n.chinese && prev == Some('卷') && !prev_char(p, i - '卷'.len_utf8()).is_some_and(cn_numeral))
        || (n.chinese && prev == Some('期') && p[..i].ends_with("星期"))
        || (n.chinese && prev == Some('拜') && p[..i].ends_with("礼拜"))
    {
        return true;
    }
    // 第七、八条: a list after an ordinal.
    if let Some(sep @ ('、' | '，' | ',' | '至' | '到' | '-' | '—')) = prev {
        let before = p[..i - sep.len_utf8()].trim_end_matches(|c: char| cn_numeral(c) || c.is_ascii_digit());
        if before.ends_with('第') {
            return true;
        }
    }
    // A section number at the start of a paragraph.
    !n.chinese && p[..i].trim().is_empty() && {
        let after = &p[n.end..];
        after.starts_with(|c: char| c.is_whitespace() || c == '、' || c == '．')
            || (after.starts_with('.') && after[1..].starts_with(|c: char| c.is_ascii_digit()))
            || (n.fraction_or_sep
                && !after.starts_with(|c: char| c == '%' || units::longest_unit(after).is_some()))
    }
}

/// The set phrases by each numeral they hold, so a figure looks only at the few that could
/// hold it.
pub(super) static SET_PHRASES_BY_NUMERAL: LazyLock<HashMap<char, Vec<&'static str>>> = LazyLock::new(|| {
    let mut map: HashMap<char, Vec<&'static str>> = HashMap::new();
    for w in SET_PHRASES {
        for c in w.chars().filter(|c| cn_numeral(*c)) {
            let list = map.entry(c).or_default();
            if !list.contains(w) {
                list.push(w);
            }
        }
    }
    map
});

/// Whether `start..end`, whose number starts at `i`, lies in a set phrase (约法三章,
/// 五位一体 …).
pub(super) fn in_set_phrase(p: &str, i: usize, start: usize, end: usize) -> bool {
    let Some(c) = next_char(p, i) else { return false };
    let Some(list) = SET_PHRASES_BY_NUMERAL.get(&c) else { return false };
    // Each phrase is tried where its own `c` would stand on the numeral at `i` (a compare,
    // no search: this runs at every figure in Chinese numerals).
    list.iter().any(|w| {
        w.char_indices().filter(|(_, d)| *d == c).any(|(k, _)| {
            i.checked_sub(k).is_some_and(|s| {
                p.get(s..).is_some_and(|t| t.starts_with(w)) && s < end && start < s + w.len()
            })
        })
    })
}

/// The end of a day of the lunar month named after a month (六月朔, 四月望日): 朔 the
/// first, 望 the full moon, 晦 the last; alone only before punctuation.
pub(super) fn lunar_day(p: &str, pos: usize) -> Option<usize> {
    let c = next_char(p, pos).filter(|c| matches!(c, '朔' | '望' | '晦'))?;
    let at = pos + c.len_utf8();
    match next_char(p, at) {
        Some('日') => Some(at + '日'.len_utf8()),
        Some(d) if is_hanzi(d) => None,
        _ => Some(at),
    }
}

/// Whether the words after an era year give its Western year: （公元747年）, （1103）,
/// ，公元364, 1686年.
pub(super) fn gregorian_follows(rest: &str) -> bool {
    let r = rest.strip_prefix(['（', '(']).or_else(|| rest.strip_prefix(['，', ','])).unwrap_or(rest);
    let r = r.strip_prefix("公元").unwrap_or(r);
    let r = r.strip_prefix("前").unwrap_or(r);
    let digits = r.bytes().take_while(u8::is_ascii_digit).count();
    (2..=4).contains(&digits) && (rest.len() != r.len() || r[digits..].starts_with('年'))
}

/// The characters reign-era names (年号) are made of: 建元, 太元, 武德, 天宝, 嘉祐, 洪武 …
const ERA_CHARS: &str = "元光朔狩鼎封太初天汉漢始征和后後凤鳳平本地节節康神爵五甘露黄黃龙龍永建昭竟宁寧绥綏寿壽居摄攝国國更武中章兴興延阳陽嘉安熹兆乾大业業皇开開仁义義德贞貞观觀徽显顯庆慶麟总總亨上仪儀调調露隆耀淳弘道嗣圣聖明宅垂拱昌载載授如意证證册冊岁歲通视視足景云雲极極先至宝寶应應广廣历曆歷会會咸符纪紀顺順福复復祐泰熙治定雍端化咸丰豐同绪緒宣统統洪乐樂靖祯禎启啟正成弘绍紹政重崇靖炎保清";

/// Whether an era name stands just before `i` (唐武德二年, 东晋太元八年, 至皇祐三年, 兴宁二年):
/// two era characters, after a dynasty, a ruler, 至/自/到, punctuation or the start.
pub(super) fn era_before(p: &str, i: usize) -> bool {
    let mut it = p[..i].chars().rev();
    let (Some(b), Some(a)) = (it.next(), it.next()) else { return false };
    if !ERA_CHARS.contains(a) || !ERA_CHARS.contains(b) {
        return false;
    }
    match it.next() {
        None => true,
        Some(c) => !is_hanzi(c)
            || "夏商周秦汉漢晋晉宋齐齊梁陈陳隋唐辽遼金元明清魏蜀吴吳燕赵趙帝宗祖王至自到迄及于於从從与與和"
                .contains(c),
    }
}

/// Whether `start..end` stands in a short quoted name or slogan that begins with a number
/// and holds more than the figure (“三城一区”, “八站两场”, “五个一工程”, “3个100”,
/// “两头在外”): its numbers name a programme, they state no fact. A quoted figure alone
/// (“90后”) and longer quoted words (“50个人去的地方”, “8分钟。”) keep theirs.
pub(super) fn in_quoted_name(p: &str, start: usize, end: usize) -> bool {
    let word = |c: char| is_hanzi(c) || c.is_alphanumeric();
    let mut open = None;
    for (k, c) in p[..start].char_indices().rev().take(6) {
        if matches!(c, '“' | '「') {
            open = Some(k + c.len_utf8());
            break;
        }
        if !word(c) {
            return false;
        }
    }
    let Some(o) = open else { return false };
    let mut close = None;
    for (k, c) in p[o..].char_indices().take(7) {
        if matches!(c, '”' | '」') {
            close = Some(o + k);
            break;
        }
        if !word(c) {
            return false;
        }
    }
    let Some(c) = close.filter(|c| *c >= end) else { return false };
    let term = &p[o..c];
    term.chars().count() <= 6
        && (o, c) != (start, end)
        && term.starts_with(|ch: char| cn_numeral(ch) || ch == '半' || ascii_or_wide_digit(ch).is_some())
}

/// Whether `start..end` lies inside a book title (《九章述义注》): its numbers are words of
/// the title.
pub(super) fn in_book_title(p: &str, start: usize, end: usize) -> bool {
    let open = p[..start].char_indices().rev().take(24).find(|(_, c)| matches!(c, '《' | '》' | '〈' | '〉'));
    matches!(open, Some((_, '《' | '〈')))
        && p[end..]
            .chars()
            .take(24)
            .find(|c| matches!(c, '《' | '》' | '〈' | '〉'))
            .is_some_and(|c| matches!(c, '》' | '〉'))
}

/// The marks a scan has passed in a paragraph, so that only a figure inside a book title or
/// just after an opening quotation mark looks around itself for one.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Marks {
    /// A 《 or 〈 is open.
    pub(super) title: bool,
    /// Just past the last “ or 「 still open.
    pub(super) quote: Option<usize>,
}

impl Marks {
    /// Notes the three-byte character `c` (its code point) ending at byte `end`.
    pub(super) fn pass(&mut self, c: u32, end: usize) {
        match c {
            0x300A | 0x3008 => self.title = true,
            0x300B | 0x3009 => self.title = false,
            0x201C | 0x300C => self.quote = Some(end),
            0x201D | 0x300D => self.quote = None,
            _ => {}
        }
    }

    /// Whether the figure `start..end` could be in a title or a short quoted name.
    pub(super) fn names(&self, p: &str, start: usize, end: usize) -> bool {
        (self.title && in_book_title(p, start, end))
            || (self.quote.is_some_and(|q| q <= start && start - q <= 18) && in_quoted_name(p, start, end))
    }
}
