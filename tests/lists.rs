//! Lists as encyclopedia texts write them (`* item` lines): shown as a list, without blank
//! lines between the items and with later lines hanging under the first word, in the
//! reader and in `yuedu dump` alike.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use yuedu::app::App;
use yuedu::config::Config;
use yuedu::document::{Document, load};

const TEXT: &str = "黄山\n\n黄山位于安徽省南部，是中国著名的风景名胜区。主要景点有：\n\n\
* 迎客松：生长在玉屏楼东侧，树龄已逾八百年，是黄山的象征，也是中国与世界交往的一个标志。\n\
* 光明顶：黄山第二高峰，海拔1860米，顶上平坦开阔，可看日出和云海。\n\
* 飞来石：立在平天矼西端的一块巨石。\n\n\
黄山四季景色各异，以奇松、怪石、云海、温泉和冬雪闻名。\n";

fn doc() -> Document {
    Document::new("list.txt", load::decode(TEXT.as_bytes(), None).expect("UTF-8"))
}

fn dump(width: u16) -> String {
    let mut out = Vec::new();
    yuedu::cli::dump(&doc(), &Config::default(), width, &mut out).expect("dump");
    String::from_utf8(out).expect("UTF-8")
}

#[test]
fn list_items_follow_each_other_with_a_hanging_indent() {
    let out = dump(30);
    let lines: Vec<&str> = out.lines().collect();
    let first = lines.iter().position(|l| l.starts_with("* 迎客松")).expect("the first item");
    // The first item runs over several lines, each later one under its first word.
    // (The hang is drawn with the first-line indent's characters, here an ideographic space.)
    let hang = |l: &str| {
        let blank: String = l.chars().take_while(|c| matches!(c, ' ' | '　')).collect();
        unicode_width::UnicodeWidthStr::width(blank.as_str())
    };
    let mut i = first + 1;
    while hang(lines[i]) > 0 {
        assert_eq!(hang(lines[i]), 2, "two columns of hang: {:?}", lines[i]);
        i += 1;
    }
    assert!(i > first + 1, "the first item wraps at 30 columns:\n{out}");
    assert!(lines[i].starts_with("* 光明顶"), "no blank line between items:\n{out}");
    // Every row fits the column.
    for l in &lines {
        assert!(unicode_width::UnicodeWidthStr::width(*l) <= 30, "{l:?}");
    }
    let last = lines.iter().position(|l| l.starts_with("* 飞来石")).expect("the last item");
    let after = (last + 1..lines.len()).find(|&j| hang(lines[j]) == 0).expect("a line after the list");
    assert_eq!(lines[after], "", "a blank line after the list:\n{out}");
    assert!(lines[first - 1].is_empty(), "and before it:\n{out}");
    // Ordinary paragraphs keep their first-line indent and the blank line between them.
    assert!(out.contains("　　黄山位于安徽省"), "{out}");
}

#[test]
fn the_reader_shows_the_list_as_dump_prints_it() {
    let app = App::new(doc(), Config::default(), 32, 30);
    assert_eq!(app.panes.text.width, 30, "a 30-column text pane, as dumped");
    let mut terminal = Terminal::new(TestBackend::new(32, 30)).expect("terminal");
    terminal.draw(|f| yuedu::ui::draw(&app, f)).expect("draw");
    let buf = terminal.backend().buffer();
    let text = app.panes.text;
    let rows: Vec<String> = (text.y..text.bottom())
        .map(|y| {
            let mut row = String::new();
            let mut skip = 0;
            for x in text.x..text.right() {
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                let s = buf[(x, y)].symbol();
                skip = unicode_width::UnicodeWidthStr::width(s).saturating_sub(1);
                row.push_str(s);
            }
            row.trim_end().to_string()
        })
        .collect();
    let dumped: Vec<String> = dump(30).lines().map(|l| l.trim_end().to_string()).collect();
    assert_eq!(rows[..dumped.len().min(rows.len())], dumped[..dumped.len().min(rows.len())]);
}

#[test]
fn only_a_marker_and_a_space_make_an_item() {
    use yuedu::layout::list_marker;
    assert_eq!(list_marker("* 迎客松"), Some(2));
    assert_eq!(list_marker("- 光明顶"), Some(2));
    assert_eq!(list_marker("• 飞来石"), Some("• ".len()));
    assert_eq!(list_marker("*迎客松"), None);
    assert_eq!(list_marker("* "), None, "a marker alone is no item");
    assert_eq!(list_marker("——迎客松"), None);
    assert_eq!(list_marker("1860米"), None);
}
