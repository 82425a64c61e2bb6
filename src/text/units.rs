//! The vocabulary of Chinese numbers: numerals, magnitudes, and one table of units and
//! measure words (量词), shared by the figure finder ([`crate::document::figures`]) and the
//! line breaker ([`crate::layout::linebreak`]), so a unit the finder knows is a unit the
//! breaker keeps with its number.
//!
//! The table lists simplified and traditional forms (个/個, 张/張, 岁/歲 …), the measure
//! words of people, things, events, texts and places, Chinese and SI units of length, area,
//! volume, weight, time, energy and data, currencies, and Latin symbols (km, GWh, Ah …).
//! Each entry carries the kind of figure it makes and a [`Rule`]: the check the finder
//! applies before reading it as a unit (月 only after 1-12, 成 not in 成为 …). The breaker
//! ignores the rules: after a number any of these stays on the number's line.

use std::sync::LazyLock;

use super::kind::FigureKind;
use FigureKind::{Age, Count, Date, Measure, Money, Other, Percent};

/// The check a unit needs before the finder reads it as one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    /// No check.
    Any,
    /// 年: a date after a year, else a duration.
    Year,
    /// 月: a date after 1-12.
    Month,
    /// 日/号: a date after 1-31.
    Day,
    /// 时/点: an hour of the day after 0-24 (a date-time), chaining to 分 and 秒.
    Clock,
    /// 后 after two digits: a generation (90后).
    Generation,
    /// 成 (tenths), not the start of a word (成为, 成长 …).
    Tenths,
    /// 大 (三大, 十大): directly after a number up to ten, not a name (十九大, 二十大, 二大队).
    Major,
    /// Only after Arabic digits (分 would make 十分 a score, 起 一起).
    DigitsOnly,
    /// A Latin unit: no letter or digit may follow.
    Latin,
    /// A time unit: 多/余 may follow (3年多).
    Time,
}

/// One unit or measure word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unit {
    /// As written.
    pub text: &'static str,
    /// The kind of figure it makes.
    pub kind: FigureKind,
    /// The finder's check.
    pub rule: Rule,
}

macro_rules! units {
    ($( $kind:ident $rule:ident [ $($t:literal)* ] )*) => {
        &[ $( $( Unit { text: $t, kind: $kind, rule: Rule::$rule }, )* )* ]
    };
}

/// Every unit and measure word. A longer entry wins over its prefix (个月 over 个).
pub const UNITS: &[Unit] = units! {
    // Shares.
    Percent Any ["%" "％" "‰" "个百分点" "個百分點" "百分点" "百分點" "个千分点"]
    Percent Tenths ["成"]
    // Money.
    Money Any [
        "元" "元人民币" "人民币" "圆" "圓" "块钱" "塊錢" "块" "塊" "角" "毛钱" "毛錢" "毛"
        "美元" "美金" "欧元" "歐元" "日元" "英镑" "英鎊" "港元" "港币" "港幣" "澳元" "韩元"
        "韓元" "卢布" "盧布" "法郎" "马克" "比索" "卢比" "新台币" "新臺幣" "台币" "臺幣"
        "吊钱" "吊錢" "吊" "贯" "貫" "文钱" "文錢" "两银子" "兩銀子" "两" "兩" "铜子" "銅子"
        "铜板" "銅板" "大洋"
    ]
    // People, things, events, texts, places: 量词.
    Count Any [
        "家" "户" "戶" "人次" "人" "名" "位" "口" "员" "員" "骑" "騎" "丁"
        "个" "個" "台" "臺" "例" "所" "项" "項" "件" "种" "種" "类" "類" "款" "支" "只" "隻"
        "条" "條" "座" "辆" "輛" "辆次" "輛次" "架" "架次" "艘" "部" "篇" "份" "次" "场" "場"
        "届" "屆" "套" "颗" "顆" "粒" "张" "張" "枚" "株" "棵" "栋" "棟" "幢" "间" "間" "层"
        "層" "批" "组" "組" "对" "對" "双" "雙" "副" "轮" "輪" "笔" "筆" "根" "片" "票" "章"
        "节" "節" "段" "句" "字" "行" "页" "頁" "本" "册" "冊" "卷" "集" "期" "幅" "列" "路"
        "遍" "趟" "圈" "声" "聲"   "回" "阵" "陣" "顿" "頓" "餐" "碗" "杯" "瓶" "盒"
        "包" "袋" "箱" "桶" "盏" "盞" "把" "扇" "匹" "头" "頭" "尾" "道" "朵" "串" "滴"
        "封" "首" "曲" "幕" "拨" "撥" "群" "伙" "夥" "帮" "幫"
                            "省" "省市" "市" "县" "縣" "州"
        "郡" "城" "村" "镇" "鎮" "乡" "鄉" "处" "處" "宗" "门" "門" "科" "课" "課" "盘"
        "盤" "局" "车道" "車道" "稿"     "辈" "輩" "级" "級"
          "堂" "峰" "窍" "竅" "孔" "方面" "大类" "大類"
              "枝" "棒"   "边形" "邊形" "闰" "閏" "印"
        "样" "樣"   "拳" "脚" "腳" "刀" "枪" "槍" "炮" "箭" "眼"
                "站" "季"
    ]
    Count DigitsOnly ["环" "環" "单" "战" "戰" "胜" "勝" "届次" "起"]
    Count Major ["大"]
    // Ages and generations.
    Age Any ["岁" "歲" "周岁" "週歲" "足岁" "虚岁" ]
    Age Generation ["后" "後"]
    // Dates and times of day.
    Date Any ["年代" "世纪" "世紀" "月份" "更" "点钟" "點鐘" "点半" "點半"]
    Measure Year ["年"]
    Date Month ["月"]
    Date Day ["日" "号" "號"]
    Date Clock ["时" "時" "点" "點"]
    // Durations.
    Measure Time [
        "小时" "小時" "个小时" "個小時" "钟头" "鐘頭" "个钟头" "個鐘頭" "分钟" "分鐘" "秒钟"
        "秒鐘" "天" "周" "週" "星期" "个星期" "個星期" "礼拜" "禮拜" "个礼拜" "個禮拜"
        "个月" "個月" "个多月" "個多月" "旬" "季度" "个季度" "個季度" "昼夜" "晝夜" "载"
        "載" "年头" "年頭" "个多小时" "個多小時" "个多钟头" "個多鐘頭" "个多星期" "個多星期"
        "工作日" "个工作日" "個工作日" "个年头" "個年頭" "夜" "宿" "刻钟" "刻鐘" "秋" "世"
    ]
    Measure Any [
        "秒" "毫秒" "微秒" "周年" "週年" "光年"
        // Length.
        "米" "厘米" "公分" "分米" "毫米" "微米" "纳米" "納米" "千米" "公里" "里" "海里"
        "英里" "码" "碼" "英尺" "英寸" "丈" "尺" "寸" "仞" "步" "公尺" "厘"
        // Area and volume.
        "平方米" "平米" "平方公里" "平方千米" "平方厘米" "平方英里" "立方米" "立方厘米"
        "公顷" "公頃" "顷" "頃" "亩" "畝" "升" "毫升" "公升" "加仑" "斗" "石" "担" "擔"
        // Weight.
        "吨" "噸" "千克" "公斤" "克" "毫克" "微克" "斤" "磅" "盎司"
        // Energy, power, temperature, sound, pressure.
        "瓦" "千瓦" "兆瓦" "吉瓦" "千瓦时" "千瓦時" "度电" "度電" "伏" "千伏" "安" "毫安"
        "毫安时" "焦耳" "千焦" "卡" "大卡" "千卡" "帕" "千帕" "兆帕" "分贝" "分貝" "摄氏度"
        "攝氏度" "华氏度" "華氏度" "℃" "°C" "°F" "°" "赫兹" "赫茲" "马力" "馬力" "级风"
        "级地震" "度"
        "微克/立方米" "毫克/立方米" "公里/小时" "千米/小时" "米/秒"
    ]
    Measure Latin [
        "km" "cm" "mm" "nm" "μm" "m" "kg" "mg" "g" "GB" "TB" "MB" "KB" "kB" "PB" "Gb"
        "Mb" "kW" "kWh" "MW" "MWh" "GW" "GWh" "TWh" "Wh" "kV" "Ah" "mAh" "Hz" "kHz"
        "MHz" "GHz" "ms" "s" "h" "ml" "mL" "dB" "Pa" "kPa" "MPa" "km/h" "m/s"
        "μg" "µg" "ppm" "mph" "ft"
    ]
    // Other.
    Other Any ["倍" "强" "強"]
    Other DigitsOnly ["分"]
};

/// Units grouped by their first character (sorted, for a binary search: this runs at every
/// candidate number, so it must be cheaper than hashing), each group longest first.
static BY_FIRST: LazyLock<Vec<(char, Vec<&'static Unit>)>> = LazyLock::new(|| {
    let mut all: Vec<&'static Unit> = UNITS.iter().collect();
    all.sort_by_key(|u| (u.text.chars().next(), std::cmp::Reverse(u.text.len())));
    all.dedup_by_key(|u| u.text);
    let mut out: Vec<(char, Vec<&'static Unit>)> = Vec::new();
    for u in all {
        let Some(c) = u.text.chars().next() else { continue };
        match out.last_mut() {
            Some((last, v)) if *last == c => v.push(u),
            _ => out.push((c, vec![u])),
        }
    }
    out
});

/// The units that `s` starts with, longest first.
pub fn units_at(s: &str) -> impl Iterator<Item = &'static Unit> + '_ {
    let list = s
        .chars()
        .next()
        .and_then(|c| BY_FIRST.binary_search_by_key(&c, |(k, _)| *k).ok())
        .map_or(&[][..], |k| BY_FIRST[k].1.as_slice());
    list.iter().copied().filter(move |u| s.starts_with(u.text))
}

/// The longest unit `s` starts with, whatever its rule.
pub fn longest_unit(s: &str) -> Option<&'static Unit> {
    units_at(s).next()
}

/// The value of a Chinese digit: 〇 ○ 零 一 … 九, 两/兩, and the financial forms 壹 贰 …
pub fn cn_digit(c: char) -> Option<u64> {
    Some(match c {
        '〇' | '○' | '零' => 0,
        '一' | '壹' | '弌' => 1,
        '二' | '贰' | '貳' | '两' | '兩' => 2,
        '三' | '叁' | '參' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' | '陸' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

/// The value of a magnitude: 十 百 千 万 亿 兆 (and 拾 佰 仟 萬 億).
pub fn magnitude(c: char) -> Option<u64> {
    Some(match c {
        '十' | '拾' => 10,
        '百' | '佰' => 100,
        '千' | '仟' => 1_000,
        '万' | '萬' => 10_000,
        '亿' | '億' => 100_000_000,
        '兆' => 1_000_000_000_000,
        _ => return None,
    })
}

/// Words of approximation that follow a number or magnitude (80多人, 4000余家, 十来只,
/// 十几位).
pub fn is_about(c: char) -> bool {
    matches!(c, '多' | '余' | '餘' | '来' | '來' | '几' | '幾')
}

/// Units after which a number goes on with the next part of a date or a time
/// (2024年5月24日, 7时36分, 2分7秒): a break may fall between the parts.
pub fn is_chain_unit(c: char) -> bool {
    matches!(c, '年' | '月' | '日' | '号' | '號' | '时' | '時' | '点' | '點' | '分' | '度')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_longest_unit_wins() {
        assert_eq!(longest_unit("个月后").map(|u| u.text), Some("个月"));
        assert_eq!(longest_unit("个人").map(|u| u.text), Some("个"));
        assert_eq!(longest_unit("萬億").map(|u| u.text), None);
        assert_eq!(longest_unit("歲以下").map(|u| u.kind), Some(Age));
        assert_eq!(longest_unit("張紙").map(|u| u.kind), Some(Count));
    }

    #[test]
    fn numerals() {
        assert_eq!(cn_digit('○'), Some(0));
        assert_eq!(cn_digit('兩'), Some(2));
        assert_eq!(magnitude('萬'), Some(10_000));
        assert_eq!(magnitude('亿'), Some(100_000_000));
    }
}
