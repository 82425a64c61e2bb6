//! The Chinese interface: `language` in `[interface]` and the locale variables choose it;
//! the help, the status line, the lists and the command line's error lines are then in
//! Simplified Chinese.
//!
//! Every test of this file runs in Chinese: the language is set once for the process (as
//! the binary does at start-up), so no English test may share this file.

mod common;

use common::{Tmux, run_env};
use yuedu::app::{Action, App};
use yuedu::config::Config;
use yuedu::document::Document;
use yuedu::i18n::{self, Lang};

fn render(app: &App) -> String {
    common::buffer_text(&common::draw_buffer(app))
}

fn chinese_app(w: u16, h: u16) -> App {
    i18n::set_lang(Lang::Zh);
    App::new(Document::bundled(), Config::default(), w, h)
}

/// The last row of a rendered screen.
fn status_line(screen: &str) -> &str {
    screen.lines().last().unwrap_or_default()
}

/// Whether `s` holds an English word (two ASCII letters in a row) other than the key
/// names and encoding names a Chinese interface keeps as typed.
fn english_words(s: &str) -> Vec<String> {
    const KEPT: &[&str] =
        &["Enter", "Esc", "Tab", "Space", "PageDown", "PageUp", "Home", "End", "Down", "Up"];
    const KEPT_ALSO: &[&str] = &["Left", "Right", "Ctrl", "Alt", "F1", "UTF"];
    s.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| w.len() >= 2 && w.bytes().filter(u8::is_ascii_alphabetic).count() >= 2)
        .filter(|w| !KEPT.contains(w) && !KEPT_ALSO.contains(w))
        .map(str::to_string)
        .collect()
}

#[test]
fn chinese_help_100x30() {
    let mut a = chinese_app(100, 30);
    a.update(Action::Help);
    let screen = render(&a);
    assert!(screen.contains("按键"), "{screen}");
    insta::assert_snapshot!(screen);
}

#[test]
fn chinese_help_80x24() {
    let mut a = chinese_app(80, 24);
    a.update(Action::Help);
    insta::assert_snapshot!(render(&a));
}

#[test]
fn chinese_help_cuts_no_description_at_80_columns() {
    let mut a = chinese_app(80, 24);
    a.update(Action::Help);
    let mut screens = vec![render(&a)];
    // A help longer than the screen scrolls: its last page too (one that fits closes).
    a.update(Action::Bottom);
    if a.overlay.is_some() {
        screens.push(render(&a));
    }
    for screen in screens {
        // The help's rows: what lies between its left and right borders (the text pane
        // around it may hold an ellipsis of its own).
        let help: Vec<&str> = screen
            .lines()
            .filter_map(|l| {
                let start = l.find('│')?;
                let end = l.rfind('│')?;
                (end > start).then(|| &l[start..end])
            })
            .filter(|row| row.len() > 40)
            .collect();
        assert!(help.len() > 10, "{screen}");
        assert!(help.iter().all(|l| !l.contains('…')), "a description is cut:\n{screen}");
    }
}

#[test]
fn chinese_status_line_with_a_selected_figure() {
    let mut a = chinese_app(100, 30);
    a.update(Action::NextFigure);
    let screen = render(&a);
    let status = status_line(&screen);
    assert!(status.contains("数字 1/"), "{status}");
    assert!(status.contains("? 帮助"), "{status}");
    assert!(english_words(status).is_empty(), "English in {status:?}: {:?}", english_words(status));
    insta::assert_snapshot!(screen);
}

#[test]
fn chinese_lists_and_messages() {
    let mut a = chinese_app(100, 30);
    a.update(Action::FiguresList);
    let screen = render(&a);
    assert!(screen.contains("跳转") && screen.contains("关闭"), "{screen}");
    for kind in ["percent", "money", "count", "measure", "date"] {
        assert!(!screen.contains(kind), "{kind} in\n{screen}");
    }
    // The figures stand in one column whatever the width of their kind's label: label and
    // padding take 8 columns in every row.
    let kinds = ["百分比", "金额", "数量", "日期", "年龄", "度量", "其他"];
    let rows: Vec<usize> = screen
        .lines()
        .filter_map(|l| {
            let row = l.split_once('│')?.1;
            let row = row.strip_prefix('▸').or_else(|| row.strip_prefix(' '))?;
            let kind = kinds.iter().find(|k| row.starts_with(*k))?;
            let pad = row[kind.len()..].chars().take_while(|&c| c == ' ').count();
            Some(unicode_width::UnicodeWidthStr::width(*kind) + pad)
        })
        .collect();
    assert!(rows.len() > 10 && rows.iter().all(|&w| w == 8), "{rows:?}\n{screen}");
    a.update(Action::Close);
    a.update(Action::ToggleFigures);
    let status = render(&a);
    assert!(status_line(&status).contains("数字高亮已关"), "{status}");
    a.update(Action::Bottom);
    a.update(Action::NextSection);
    let status = render(&a);
    assert!(status_line(&status).contains("已在最后一节"), "{status}");
}

#[test]
fn chinese_error_lines_on_the_command_line() {
    // Not a terminal: the reader's error line follows LANG when LC_ALL is empty.
    let out = run_env(&[("LC_ALL", ""), ("LANG", "zh_CN.UTF-8")], &[]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.starts_with("yuedu: 不是终端"), "{err}");
    // A file that cannot be opened, in a script command.
    let out = run_env(&[("LC_ALL", "zh_CN.UTF-8")], &["outline", "/no/such/file.txt"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.trim_end(), "yuedu: /no/such/file.txt: 没有这个文件");
    assert_eq!(out.status.code(), Some(2));
    // LC_ALL comes first.
    let out = run_env(&[("LC_ALL", "en_US.UTF-8"), ("LANG", "zh_CN.UTF-8")], &[]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.starts_with("yuedu: not a terminal"), "{err}");
}

#[test]
fn a_bad_command_line_is_one_line_in_the_interface_language() {
    let cases: [(&[&str], &str, &str); 4] = [
        (
            &["--frm-start"],
            "yuedu: unknown argument '--frm-start' (did you mean '--from-start'? see yuedu --help)",
            "yuedu: 无法识别的参数“--frm-start”（是否想用“--from-start”？见 yuedu --help）",
        ),
        (
            &["dump", "--width", "0"],
            "yuedu: invalid value '--width 0' (see yuedu --help)",
            "yuedu: 参数值无效“--width 0”（见 yuedu --help）",
        ),
        (
            &["dump", "--width"],
            "yuedu: a value is needed for '--width' (see yuedu --help)",
            "yuedu: 缺少参数值“--width”（见 yuedu --help）",
        ),
        (
            &["--last", "a.txt"],
            "yuedu: cannot be used together: '--last, [FILE]' (see yuedu --help)",
            "yuedu: 参数不能同时使用“--last, [FILE]”（见 yuedu --help）",
        ),
    ];
    for (args, en, zh) in cases {
        for (locale, want) in [("C.UTF-8", en), ("zh_CN.UTF-8", zh)] {
            let out = run_env(&[("LC_ALL", locale)], args);
            let err = String::from_utf8_lossy(&out.stderr);
            assert_eq!(err, format!("{want}\n"), "{args:?} under {locale}");
            assert_eq!(out.status.code(), Some(2), "{args:?}");
            assert!(out.stdout.is_empty());
        }
    }
    // Help is still clap's, on standard output.
    let out = run_env(&[("LC_ALL", "zh_CN.UTF-8")], &["--help"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("Usage: yuedu"));
}

#[test]
fn config_mistakes_are_told_in_chinese() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("config.toml");
    let path = file.to_str().expect("path");
    let error_for = |text: &str| {
        std::fs::write(&file, text).expect("write");
        let out = run_env(&[("LC_ALL", "zh_CN.UTF-8")], &["--config", path]);
        assert_eq!(out.status.code(), Some(2));
        String::from_utf8_lossy(&out.stderr).trim_end().to_string()
    };
    assert_eq!(
        error_for("[theme]\nfigure = { fg = \"yelow\" }\n"),
        format!(
            "yuedu: {path}:2:17: theme.figure 的颜色 \"yelow\" 无法识别（应为 颜色名、#rrggbb 或 0-255；是不是 \"yellow\"？）"
        )
    );
    assert_eq!(
        error_for("[text]\nreading_speed = 10\n"),
        format!("yuedu: {path}:2:17: text.reading_speed 的值 10 无效（应为 50-5000 的整数）")
    );
    assert_eq!(
        error_for("[layout]\nmouse = \"yes\"\n"),
        format!("yuedu: {path}:2:9: layout.mouse 的类型不对（应为 true 或 false，实为 \"yes\"）")
    );
    let unknown = error_for("[layuot]\n");
    assert!(unknown.contains("未知的表 [layuot]") && unknown.contains("是不是 \"layout\""), "{unknown}");
    assert!(unknown.contains("theme_light 或 theme_no_color"), "{unknown}");
}

#[test]
fn a_broken_bookmarks_file_is_told_in_chinese() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("bookmarks.toml");
    std::fs::write(&file, "[[bookmark]]\nid = 3\n").expect("write");
    let path = file.to_str().expect("path");
    let out = run_env(&[("LC_ALL", "zh_CN.UTF-8")], &["bookmarks", "--all", "--bookmarks-file", path]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.starts_with(&format!("yuedu: {path}:2:")), "{err}");
    assert!(err.trim_end().ends_with("（修好或移走此文件之前，书签不会保存）"), "{err}");
}

#[test]
fn the_config_language_overrides_the_locale() {
    let dir = tempfile::tempdir().expect("tempdir");
    let zh = dir.path().join("zh.toml");
    std::fs::write(&zh, "[interface]\nlanguage = \"zh\"\n").expect("write");
    let out = run_env(&[], &["--config", zh.to_str().expect("path")]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.starts_with("yuedu: 不是终端"), "{err}");
    let en = dir.path().join("en.toml");
    std::fs::write(&en, "[interface]\nlanguage = \"en\"\n").expect("write");
    let out = run_env(
        &[("LANG", "zh_CN.UTF-8"), ("LC_ALL", "zh_CN.UTF-8")],
        &["--config", en.to_str().expect("path")],
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.starts_with("yuedu: not a terminal"), "{err}");
}

#[test]
fn a_chinese_locale_in_a_real_terminal() {
    let home = tempfile::tempdir().expect("tempdir");
    let t = Tmux::start_with_env(home, &[("LC_ALL", ""), ("LANG", "zh_CN.UTF-8")], &[], 100, 30);
    let screen = t.wait_text("? 帮助");
    let status = screen.lines().rfind(|l| !l.trim().is_empty()).unwrap_or_default();
    assert!(status.contains("约") && status.contains("分钟"), "{status}");
    assert!(english_words(status).is_empty(), "English in {status:?}");
    t.keys(&["?"]);
    // At 100×30 every key fits on one page: the first row and the last, and no scrolling
    // (waited for together, as a screen caught while it is drawn may lack the last rows).
    t.wait_for("the whole Chinese help on one page", |s| {
        s.contains("向下滚动一行")
            && s.contains("退出")
            && s.contains("设置：保存到配置文件")
            && s.contains("任意键关闭")
    });
    t.keys(&["q"]);
    t.keys(&["f"]);
    t.wait_text("数字高亮已关");
    t.keys(&["q"]);
    assert_eq!(t.wait_exit(), 0);
}
