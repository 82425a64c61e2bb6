//! The Simplified Chinese catalog: the same messages as `en`, in the words and punctuation
//! of a Chinese interface (full-width ：，（） between Chinese words; key names, file names
//! and `yuedu` commands stay as typed).

use super::book::BookProblem;
use super::comfort::{Comfort, Setting, Value};
use super::msg::{ArgProblem, Msg, Pair, Special, Step, ValueType};
use crate::input::Action;
use crate::text::kind::FigureKind;
use crate::text::script::Script;

/// `msg` in Simplified Chinese.
pub(super) fn text(msg: Msg<'_>) -> String {
    use Msg::*;
    match msg {
        NoFigures => "本文没有数字".into(),
        NoMoreFiguresBelow => "下面没有数字了".into(),
        NoFiguresAbove => "上面没有数字了".into(),
        FiguresHighlighted => "数字高亮已开".into(),
        ScriptShown(script) => match script {
            Script::AsWritten => "按原文显示".into(),
            Script::Simplified => "简体显示".into(),
            Script::Traditional(_) => "繁體顯示".into(),
        },
        FigureHighlightingOff => "数字高亮已关".into(),
        FigureStatus { n, total, text, kind } => {
            format!("数字 {n}/{total} · {text} · {}", figure_kind(kind))
        }
        FigureKind(kind) => figure_kind(kind).into(),
        FiguresListTitle { n, total, select, close } => {
            format!(" 数字 {n}/{total} · {select} 跳转 · {close} 关闭 ")
        }
        NoQuotations => "本文没有引语".into(),
        NoMoreQuotationsBelow => "下面没有引语了".into(),
        NoMoreQuotationsAbove => "上面没有引语了".into(),
        QuoteStatus { n, total, who } => format!("引语 {n}/{total} · {who}"),
        SpeakerWithTitle { speaker, title } => format!("{speaker} · {title}"),
        SpeakerNotNamed => "未写明说话人".into(),
        Term => "用语".into(),
        AlreadyBookmarked => "已有此书签".into(),
        Bookmarked(what) => format!("已加书签：{what}"),
        NotSaved(why) => format!("未保存：{why}"),
        BookmarkCancelled => "已取消加书签".into(),
        DetachedChosen => "已脱离：这段文字已不在文中".into(),
        Deleted(what) => format!("已删除：{what}（u 撤销）"),
        Restored(what) => format!("已恢复：{what}"),
        NothingToUndo => "没有可撤销的操作".into(),
        BookmarksListTitle { n, select, delete, undo, close } => {
            format!(" 书签（{n}）· {select} 跳转 · {delete} 删除 · {undo} 撤销 · {close} 关闭 ")
        }
        NoBookmarksYet(None) => "还没有书签".into(),
        BookmarksFileBroken(why) => format!("无法使用书签文件：{why}"),
        NoBookmarksYet(Some(key)) => format!("还没有书签（选中引语后按 {key}）"),
        Detached => "已脱离".into(),
        SelectionStatus { n, copy, keep, cancel } => {
            let mut s = format!("已选{n}个字");
            for (key, what) in [(copy, "复制"), (keep, "划线"), (cancel, "取消")] {
                if let Some(key) = key {
                    s.push_str(&format!(" · {key} {what}"));
                }
            }
            s
        }
        AtTextEnd => "已到正文末尾".into(),
        AtTextStart => "已到正文开头".into(),
        Copied(n) => format!("已复制{n}个字"),
        CopyTooLong { kb, limit } => format!("未复制：{kb}千字节，超过终端所能接收的{limit}千字节"),
        Highlighted(what) => format!("已划线：{what}"),
        HighlightLabel => "划线".into(),
        Citation { words, speaker, title } => citation(words, speaker, title),
        Note(note) => format!("备注：{note}"),
        AtNewestJump => "已是最新的跳转".into(),
        AtOldestJump => "已是最早的跳转".into(),
        AlreadyInLastSection => "已在最后一节".into(),
        AlreadyInFirstSection => "已在第一节".into(),
        NoEntry(n) => format!("没有第 {n} 条"),
        NoHeadingHolds(what) => format!("没有标题含“{what}”"),
        OutlineHidden => "目录已隐藏（o 显示）".into(),
        NoSection(n) => format!("没有第 {n} 节"),
        Resumed { section } => format!("从上次读到处继续 · {section}"),
        MinutesLeft(0) => "不到1分钟".into(),
        MinutesLeft(m @ 1..=59) => format!("约{m}分钟"),
        MinutesLeft(m) => format!("约{}小时{}分", m / 60, m % 60),
        NotFound(query) => format!("未找到：{query}"),
        SearchWrapped => "已搜到末尾，从开头继续".into(),
        SearchWrappedBottom => "已搜到开头，从末尾继续".into(),
        NoSearchYet(key) => format!("还没有搜索（按 {key} 搜索）"),
        ChangedOnDisk(name) => format!("{name} 已在磁盘上改动：按 R 重新载入"),
        GoneFromDisk(name) => format!("{name} 已从磁盘上消失；文字仍保留"),
        BundledNoReload => "内置文章没有可重新载入的文件".into(),
        BundledOnShelf => "（内置文章，没有文件）".into(),
        BackOnShelf(title) => format!("已放回书架：{title}"),
        CannotReload(why) => format!("无法重新载入 {why}；显示的是之前载入的文字"),
        Reloaded(None) => "已从磁盘重新载入".into(),
        Reloaded(Some(note)) => format!("已从磁盘重新载入；{note}"),
        SectionsHelp => "跳到第 N 节".into(),
        PairHelp(Pair::Sections) => "跳到下一节 / 上一节".into(),
        PairHelp(Pair::Figures) => "选中下一个 / 上一个数字".into(),
        PairHelp(Pair::Quotes) => "选中下一条 / 上一条引语".into(),
        PairHelp(Pair::Matches) => "下一个 / 上一个搜索结果".into(),
        HelpHint(key) => format!("{key} 帮助"),
        HelpTitleScrolling { first, last, total, keys } => {
            format!(" 按键 {first}-{last}，共 {total}（{keys} 滚动，其他键关闭） ")
        }
        HelpTitle => " 按键（任意键关闭） ".into(),
        NotePrompt => "备注：".into(),
        TerminalTooSmall => "终端太小".into(),
        OutlineTitle => "目录".into(),
        ShelfTitle { n, select, delete, undo, close } => {
            format!(" 书架（{n}）· {select} 打开 · {delete} 移除 · {undo} 撤销 · {close} 关闭 ")
        }
        ShelfEmpty => "书架还是空的：yuedu 文件名 会把它放上书架".into(),
        Indexing(percent) => format!("正在建立索引 {percent}%"),
        ReadingInput { mb } => format!("正在读取 {mb} MB"),
        StdinName => "（标准输入）".into(),
        StdinCapped { max_mb } => format!("标准输入读到 {max_mb} MB 为止（--max-size），其余未读"),
        StdinNoReload => "标准输入无法重新读取".into(),
        StdinNotReopened => "来自标准输入：无法从书架再次打开".into(),
        RestNotRead(why) => format!("{why}（只显示了开头）"),
        OnlyTheEndYet => "暂时只显示了结尾，全文还在读取中".into(),
        ShelfMissing => "文件不见了".into(),
        ShelfNotKept => "没有书架（未使用阅读位置文件）".into(),
        ShelfEntryMissing(path) => format!("{path} 不见了（d 移除此条）"),
        RemovedFromShelf(title) => format!("已从书架移除：{title}（文件仍在；u 撤销）"),
        NoBookmarksPlace => "书签文件无处存放：请设置 XDG_DATA_HOME 或使用 --bookmarks-file".into(),
        NoPlacesPlace => "阅读位置和书架无处存放：请设置 XDG_STATE_HOME".into(),
        NoTextOnShelf(path) => format!("{path}：书架上还没有文字（用 `yuedu 文件名` 打开一篇）"),
        NotATerminal => "不是终端：阅读器需要交互式终端；脚本请用 `yuedu outline`、`yuedu dump --width N`、\
                         `yuedu figures`、`yuedu quotes`、`yuedu bookmarks` 或 `yuedu config`\
                         （见 `yuedu --help`）"
            .into(),
        TerminalError(why) => format!("终端出错：{why}"),
        ConfigFromArgument(path) => format!("{path}（来自 --config）"),
        ConfigFromEnvironment(path) => format!("{path}（来自 $YUEDU_CONFIG）"),
        ConfigDefaults(Some(path)) => format!("默认设置（{path} 处没有文件）"),
        ConfigDefaults(None) => "默认设置".into(),
        CannotTakeTerminal(why) => format!("无法进入全屏：{why}"),
        CannotWriteOutput(why) => format!("无法写出输出：{why}"),
        BadArgument { problem, what, suggestion } => {
            let what = what.map(|w| format!("“{w}”")).unwrap_or_default();
            let problem = match problem {
                ArgProblem::Unknown => format!("无法识别的参数{what}"),
                ArgProblem::InvalidValue => format!("参数值无效{what}"),
                ArgProblem::MissingValue => format!("缺少参数值{what}"),
                ArgProblem::MissingArgument => format!("缺少参数{what}"),
                ArgProblem::Conflict => format!("参数不能同时使用{what}"),
                ArgProblem::UnknownCommand => format!("无法识别的命令{what}"),
                ArgProblem::Other => format!("无法读取参数{what}"),
            };
            let hint = suggestion.map(|s| format!("是否想用“{s}”？")).unwrap_or_default();
            format!("{problem}（{hint}见 yuedu --help）")
        }
        NoSuchFile => "没有这个文件".into(),
        PermissionDenied => "没有读取权限".into(),
        IsADirectory => "是目录，不是文本文件".into(),
        NotRegularFile(kind) => format!(
            "是{}，不是普通文件（yuedu 只读普通文本文件；请先存成文件）",
            match kind {
                Special::Fifo => "命名管道（FIFO）",
                Special::CharDevice => "字符设备",
                Special::BlockDevice => "块设备",
                Special::Socket => "套接字",
                Special::Other => "特殊文件",
            }
        ),
        TooLarge { mb, max } => format!("太大（{mb} MB；yuedu 最多打开 {max} MB 的文件）"),
        NoTextInPage => "没有可读的文字（只有标记、脚本或样式）".into(),
        PageTooLarge { mb, max } => format!("是太大的网页（{mb} MB；yuedu 最多打开 {max} MB 的网页）"),
        UnknownEncoding(name) => format!(
            "--encoding 给出的编码 {name:?} 无法识别（可试 utf-8、gb18030、gbk、big5、utf-16le 或 utf-16be）"
        ),
        CannotTellEncoding => "无法判断编码（请用 --encoding 指定）".into(),
        NulBytes(line) => format!(
            "含有 NUL 字节（首见于第 {line} 行）：是二进制数据，不是文字（UTF-16 需要 BOM 或 \
             --encoding utf-16le/utf-16be）"
        ),
        EmptyText => "是空的：没有可读的文字".into(),
        BlankText => "只有空行：没有可读的文字".into(),
        InvalidBytes { encoding, count, line } => {
            format!("不是有效的 {encoding}：{count} 处无效字节显示为 �（首见于第 {line} 行）")
        }
        Book(problem) => book(problem),
        CfgOutsideTable { name, tables } => {
            format!("选项 \"{name}\" 不在任何表中（选项应放在 {tables} 之下）")
        }
        CfgUnknownTable { name, expected, hint } => format!("未知的表 [{name}]（应为 {expected}{hint}）"),
        CfgUnknownKey { name, section, expected, hint } => {
            format!("[{section}] 中没有键 \"{name}\"（应为 {expected}{hint}）")
        }
        CfgWrongType { path, expected, found } => {
            format!("{path} 的类型不对（应为 {expected}，实为 {found}）")
        }
        CfgInvalid { value, path, expected, hint } => {
            format!("{path} 的值 {value} 无效（应为 {expected}{hint}）")
        }
        CfgInvalidBecause { value, path, why } => format!("{path} 的值 {value} 无效（{why}）"),
        CfgUnknownFigureKind { value, path, expected, hint } => {
            format!("{path} 中的数字种类 {value} 无法识别（应为 {expected}{hint}）")
        }
        CfgUnknownRole { role, hint } => {
            format!("未知的主题角色 \"{role}\"（应为默认主题中的角色，见 `yuedu config --default`{hint}）")
        }
        CfgUnknownStylePart { part, path, hint } => {
            format!("{path} 中没有键 \"{part}\"（应为 fg、bg 或 modifiers{hint}）")
        }
        CfgUnknownColour { value, path, expected, hint } => {
            format!("{path} 的颜色 {value} 无法识别（应为 {expected}{hint}）")
        }
        CfgUnknownModifier { value, path, expected, hint } => {
            format!("{path} 的修饰 {value} 无法识别（应为 {expected}{hint}）")
        }
        CfgUnknownAction { name, hint } => {
            format!(
                "[keys] 中的动作 \"{name}\" 无法识别（应为 line_down 这样的动作，见 `yuedu config --default`{hint}）"
            )
        }
        CfgUnknownKeyName { value, path, hint } => format!(
            "{path} 的键名 {value} 无法识别（应为单个字符、F1-F12 或 Enter、Esc、Tab、Space、PageDown 这样的名字，\
             前面可加 Ctrl-、Alt- 或 Shift-{hint}）"
        ),
        CfgKeyTaken { written, action, other, alias } => format!(
            "keys.{action} 的键 {written} 已给了 keys.{other}{alias}（一个键只有在两个动作用于不同场合时才能共用）"
        ),
        CfgKeyAlias { written, key } => format!("（写作 {written}，终端发出的是 {key}）"),
        CfgQuitWithoutKey => "keys.quit 没有键了，yuedu 将无法退出（请给 quit 一个键）".into(),
        CfgCannotRead(why) => format!("无法读取配置文件：{why}"),
        CfgNotUtf8 => "文件不是 UTF-8 文本".into(),
        DidYouMean(name) => format!("；是不是 \"{name}\"？"),
        OrList(items) => match items.split_last() {
            None => String::new(),
            Some((last, [])) => (*last).to_string(),
            Some((last, rest)) => format!("{} 或 {last}", rest.join("、")),
        },
        TypeName(t) => match t {
            ValueType::String => "字符串",
            ValueType::Integer => "整数",
            ValueType::Float => "小数",
            ValueType::Bool => "true 或 false",
            ValueType::Date => "日期",
            ValueType::List => "列表",
            ValueType::Table => "表",
        }
        .into(),
        ExpectIntRange { min, max } => format!("{min}-{max} 的整数"),
        ExpectListOf(items) => format!("由 {items} 组成的列表"),
        ExpectModifierName(items) => format!("修饰名：{items}"),
        ExpectColour => "颜色名、#rrggbb 或 0-255".into(),
        ExpectIndent => "至多 8 列的空格，如 \"　　\" 或 \"    \"".into(),
        ExpectFilePath => "文件路径".into(),
        ExpectFilePathOrDefault => "字符串（文件路径，或 \"\" 表示默认位置）".into(),
        ExpectOutlineWidth => "\"auto\"、8-200 的列数或 \"10%\"-\"90%\" 的百分比".into(),
        ExpectStyle => "样式，如 { fg = \"red\", modifiers = [\"bold\"] }".into(),
        ExpectKeyList => "键的列表，如 [\"j\", \"Down\"]".into(),
        CannotDo { step, why } => format!(
            "无法{}：{why}",
            match step {
                Step::CreateDirectory => "创建所在目录",
                Step::CreateTemporary => "写临时文件",
                Step::Encode => "编码内容",
                Step::Open => "打开",
                Step::Read => "读取",
                Step::Write => "写入",
                Step::Sync => "同步到磁盘",
                Step::Replace => "替换",
                Step::CreateLock => "创建锁文件",
                Step::Lock => "加锁",
            }
        ),
        StoreIsDirectory => "是目录".into(),
        StoreNotRegular => "不是普通文件（是管道或设备？）".into(),
        StoreTooLarge(mb) => format!("超过 {mb} MB"),
        BookmarksNotSavedUntilFixed => "（修好或移走此文件之前，书签不会保存）".into(),
        PlacesNotSavedUntilFixed => "（修好或移走此文件之前，阅读位置不会保存）".into(),
        NotABookmarksFile => "不是书签文件（没有 [[bookmark]] 表，却有其他设置）".into(),
        Comfort(c) => comfort(c),
        ExpectKeyName => "键名，如 \"j\"、\"Ctrl-d\" 或 \"PageDown\"".into(),
    }
}

/// A figure kind's label.
fn figure_kind(kind: FigureKind) -> &'static str {
    match kind {
        FigureKind::Percent => "百分比",
        FigureKind::Money => "金额",
        FigureKind::Count => "数量",
        FigureKind::Date => "日期",
        FigureKind::Age => "年龄",
        FigureKind::Measure => "度量",
        FigureKind::Other => "其他",
    }
}

/// One line of the help for `action`.
pub(super) fn action(action: Action) -> &'static str {
    use Action::*;
    match action {
        LineDown => "向下滚动一行",
        LineUp => "向上滚动一行",
        PageDown => "向下翻一页",
        PageUp => "向上翻一页",
        HalfPageDown => "向下翻半页",
        HalfPageUp => "向上翻半页",
        Top => "到开头",
        Bottom => "到末尾",
        NextSection => "跳到下一节",
        PrevSection => "跳到上一节",
        GoTo => "跳到第N条、N%或标题",
        Section1 => "跳到第 1 节",
        Section2 => "跳到第 2 节",
        Section3 => "跳到第 3 节",
        Section4 => "跳到第 4 节",
        Section5 => "跳到第 5 节",
        Section6 => "跳到第 6 节",
        Section7 => "跳到第 7 节",
        Section8 => "跳到第 8 节",
        Section9 => "跳到第 9 节",
        FocusNext => "切换焦点：目录 / 正文",
        Select => "打开选中的条目",
        Collapse => "折叠目录条目",
        Expand => "展开目录条目",
        ToggleOutline => "隐藏或显示目录",
        ToggleFigures => "数字高亮：开 / 关",
        CycleScript => "字体：原文 / 简体 / 繁體",
        ToggleVertical => "竖排 / 横排",
        NextFigure => "选中下一个数字",
        PrevFigure => "选中上一个数字",
        FiguresList => "列出所有数字",
        NextQuote => "选中下一条引语",
        PrevQuote => "选中上一条引语",
        Bookmark => "给选中的引语加书签",
        BookmarkWithNote => "加书签并写备注",
        BookmarksList => "列出本文的书签",
        Shelf => "书架：读过的文字",
        Delete => "删除选中的条目",
        Undo => "撤销上一次删除",
        Search => "搜索正文",
        NextMatch => "下一个搜索结果",
        PrevMatch => "上一个搜索结果",
        JumpBack => "跳转历史：后退",
        JumpForward => "跳转历史：前进",
        Reload => "从磁盘重新载入文件",
        Help => "显示或隐藏本帮助",
        Close => "关闭浮层或列表",
        Clear => "清除高亮、选择",
        Quit => "退出",
        Wider => "加宽正文栏",
        Narrower => "收窄正文栏",
        ResetWidth => "正文栏恢复全宽",
        Quiet => "静读模式：只留正文",
        AutoScroll => "自动滚动：开 / 关",
        ScrollSlower => "自动滚动减速",
        ScrollFaster => "自动滚动加速",
        Boss => "老板键：立即藏起书页",
        Settings => "设置面板",
        SettingLess => "设置：上一个值",
        SettingMore => "设置：下一个值",
        SaveSettings => "设置：保存到配置文件",
        SelectStart => "选择一段文字（再按：取消）",
        SelectLeft => "选择：退一个字",
        SelectRight => "选择：进一个字",
        SelectDown => "选择：下一行",
        SelectUp => "选择：上一行",
        SelectNextSentence => "选择：到下一句末",
        SelectPrevSentence => "选择：到上一句末",
        Copy => "复制选中的文字或引语",
        CopyWithSource => "连同说话人和标题复制",
    }
}

/// Reading comfort's messages in Chinese.
fn comfort(c: Comfort<'_>) -> String {
    match c {
        Comfort::Width(n) => format!("正文栏宽{n}列"),
        Comfort::Widest(n) => format!("正文栏在此已是最宽（{n}列）"),
        Comfort::Narrowest(n) => format!("正文栏已是最窄（{n}列）"),
        Comfort::ScrollOn { level, rows, keys } => {
            format!("自动滚动：速度{level}/10，每分钟{rows}行（{keys}）")
        }
        Comfort::ScrollSpeed { level, rows } => format!("自动滚动速度{level}/10：每分钟{rows}行"),
        Comfort::ScrollOff => "自动滚动已停".into(),
        Comfort::ScrollEnd => "已到正文末尾，自动滚动停止".into(),
        Comfort::BossFailed(why) => format!("boss.command 运行失败：{why}"),
        Comfort::BossScreen => "\
~/src/report $ make -j4
make -C lib all
make[1]: 进入目录“/home/dev/src/report/lib”
cc -O2 -Wall -c -o parse.o parse.c
cc -O2 -Wall -c -o table.o table.c
cc -O2 -Wall -c -o export.o export.c
ar rcs libreport.a parse.o table.o export.o
make[1]: 离开目录“/home/dev/src/report/lib”
cc -O2 -Wall -o report main.c lib/libreport.a -lm
~/src/report $ "
            .into(),
        Comfort::HelpWidth => "正文栏：加宽 / 收窄 / 全宽".into(),
        Comfort::HelpScroll => "自动滚动：开关 / 减速 / 加速".into(),
        Comfort::SettingsTitle { change, save, close } => {
            format!(" 设置 · {change} 修改 · {save} 保存 · {close} 关闭 ")
        }
        Comfort::Name(s) => match s {
            Setting::TextWidth => "正文宽度",
            Setting::ParagraphSpacing => "段间空行",
            Setting::Indent => "首行缩进",
            Setting::Punctuation => "全角标点",
            Setting::Figures => "数字高亮",
            Setting::Theme => "配色",
            Setting::Language => "界面语言",
            Setting::ScrollSpeed => "自动滚动速度",
        }
        .into(),
        Comfort::Value(v) => match v {
            Value::Columns(n) => format!("{n}列"),
            Value::BlankLines(0) => "无".into(),
            Value::BlankLines(n) => format!("{n}行"),
            Value::NoIndent => "无".into(),
            Value::IndentColumns(n) => format!("{n}列"),
            Value::On(true) => "开".into(),
            Value::On(false) => "关".into(),
            Value::Theme("dark") => "深色".into(),
            Value::Theme("light") => "浅色".into(),
            Value::Theme(_) => "自动（随终端背景）".into(),
            Value::Language("en") => "English（英文）".into(),
            Value::Language("zh") => "中文".into(),
            Value::Language(_) => "自动（随区域设置）".into(),
            Value::Speed { level, rows } => format!("{level}/10（每分钟{rows}行）"),
        },
        Comfort::SavesTo(path) => format!("保存到 {path}"),
        Comfort::NowhereToSave => "没有可保存的配置文件（请设置 XDG_CONFIG_HOME 或用 --config）".into(),
        Comfort::Saved(path) => format!("设置已保存到 {path}"),
        Comfort::NotSaved(why) => format!("设置未保存：{why}"),
    }
}

/// What `Y` copies: `“words” —— speaker，《title》`, without the parts not known.
pub(super) fn citation(words: &str, speaker: Option<&str>, title: Option<&str>) -> String {
    match (speaker, title) {
        (Some(s), Some(t)) => format!("“{words}” —— {s}，《{t}》"),
        (Some(s), None) => format!("“{words}” —— {s}"),
        (None, Some(t)) => format!("“{words}” ——《{t}》"),
        (None, None) => format!("“{words}”"),
    }
}

/// What is wrong with a book, after its file's name.
fn book(problem: &BookProblem) -> String {
    match problem {
        BookProblem::NotZip(why) => format!("不是可读的 EPUB：zip 已损坏（{why}）"),
        BookProblem::BadEntry { name, why } => format!("EPUB 中的 {name} 无法读取（{why}）"),
        BookProblem::Missing(name) => format!("不是完整的 EPUB：缺少 {name}"),
        BookProblem::NoPackage => "不是完整的 EPUB：META-INF/container.xml 没有指明包文件".into(),
        BookProblem::BadXml { name, line, col, why } => {
            format!("{name}:{line}:{col}：XML 格式不正确（{why}）")
        }
        BookProblem::Drm => "受 DRM 保护：各章已加密，yuedu 无法阅读".into(),
        BookProblem::Bomb(name) => {
            format!("EPUB 中的 {name} 解压后超过压缩大小的 50 倍：视为 zip 炸弹，拒绝打开")
        }
        BookProblem::TooMuch => "各项解压后合计超过 500 MB：视为 zip 炸弹，拒绝打开".into(),
        BookProblem::NoChapters => "没有章节：书脊所列的文件都不在书中".into(),
        BookProblem::TooManyEntries => "包含的条目远多于一本书所有：视为 zip 炸弹，拒绝打开".into(),
        BookProblem::NoText => "各章没有可读的文字".into(),
        BookProblem::SkippedMissing(name) => format!("书中缺少章节 {name}，已略过"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether `s` holds an English word (two ASCII letters in a row).
    fn has_english_word(s: &str) -> bool {
        s.as_bytes().windows(2).any(|w| w[0].is_ascii_alphabetic() && w[1].is_ascii_alphabetic())
    }

    #[test]
    fn every_help_line_is_chinese() {
        for &a in Action::ALL {
            assert!(!has_english_word(action(a)), "{}: {}", a.name(), action(a));
        }
    }

    #[test]
    fn figure_kind_labels_are_chinese_and_distinct() {
        let labels: Vec<&str> = FigureKind::ALL.iter().map(|&k| figure_kind(k)).collect();
        for (i, l) in labels.iter().enumerate() {
            assert!(!has_english_word(l), "{l}");
            assert!(!labels[..i].contains(l), "{l} twice");
        }
    }

    #[test]
    fn messages_without_names_are_chinese() {
        // Messages whose only English would be the catalog's own words (key names like
        // Enter, file names and `yuedu` commands are kept as typed and so left out).
        use Msg::*;
        let all = [
            NoFigures,
            NoMoreFiguresBelow,
            NoFiguresAbove,
            FiguresHighlighted,
            ScriptShown(crate::text::script::Script::Simplified),
            FigureHighlightingOff,
            NoQuotations,
            NoMoreQuotationsBelow,
            NoMoreQuotationsAbove,
            SpeakerNotNamed,
            Term,
            AlreadyBookmarked,
            BookmarkCancelled,
            DetachedChosen,
            NothingToUndo,
            NoBookmarksYet(None),
            Detached,
            SelectionStatus { n: 12, copy: None, keep: None, cancel: None },
            AtTextEnd,
            AtTextStart,
            Copied(4),
            HighlightLabel,
            AtNewestJump,
            AtOldestJump,
            AlreadyInLastSection,
            NoEntry(3),
            NoSection(3),
            MinutesLeft(0),
            MinutesLeft(12),
            MinutesLeft(371),
            SearchWrapped,
            SearchWrappedBottom,
            BundledNoReload,
            BundledOnShelf,
            Reloaded(None),
            HelpTitle,
            NotePrompt,
            TerminalTooSmall,
            OutlineTitle,
            ShelfMissing,
            ShelfNotKept,
            Indexing(42),
            StdinName,
            StdinNoReload,
            StdinNotReopened,
            OnlyTheEndYet,
        ];
        for m in all {
            let t = text(m.clone());
            assert!(!has_english_word(&t), "{m:?}: {t}");
        }
    }

    #[test]
    fn time_left_reads_as_chinese() {
        assert_eq!(text(Msg::MinutesLeft(371)), "约6小时11分");
        assert_eq!(text(Msg::MinutesLeft(5)), "约5分钟");
    }
}
