//! Getting to a heading: the digit keys go to the outline's top level, `:` goes to an
//! entry of the main level, a share of the text or a heading's words. State tests, then the
//! real binary in tmux.

mod common;

use common::{Tmux, text_part};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use yuedu::app::{Action, App};
use yuedu::config::Config;
use yuedu::document::{Document, load};

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn app(name: &str) -> App {
    let decoded = load::read_file(fixture(name).as_ref(), None).expect("fixture opens");
    App::new(Document::new(name, decoded), Config::default(), 100, 30)
}

fn top_line(a: &mut App) -> String {
    let off = a.anchor();
    a.doc.text[off..].lines().next().unwrap_or_default().to_string()
}

fn type_prompt(a: &mut App, text: &str) {
    a.update(Action::GoTo);
    assert!(a.prompt_active(), "`:` opens a prompt");
    for c in text.chars() {
        a.prompt_key(&KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    }
    a.prompt_key(&KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
}

#[test]
fn digits_go_to_the_top_level_below_the_title() {
    let mut a = app("encyclopedia.txt");
    a.update(Action::Section4);
    assert_eq!(top_line(&mut a), "4 水文", "the 4th top-level section, not the 4th entry");
    a.update(Action::Section2);
    assert_eq!(top_line(&mut a), "2 地理");
    a.update(Action::Section9);
    assert_eq!(a.message.as_deref(), Some("there is no section 9"));
}

#[test]
fn go_to_a_number_a_share_or_a_word() {
    let mut a = app("novel-volumes.txt");
    type_prompt(&mut a, "12");
    assert!(top_line(&mut a).starts_with("第十二回"), "{}", top_line(&mut a));
    type_prompt(&mut a, "2");
    assert_eq!(top_line(&mut a), "第二卷", "2 entries exist at the volume level");
    type_prompt(&mut a, "99");
    assert_eq!(a.message.as_deref(), Some("there is no entry 99"));
    type_prompt(&mut a, "第七次");
    assert!(top_line(&mut a).starts_with("第七回"));
    type_prompt(&mut a, "50%");
    let off = a.anchor();
    let share = off as f64 / a.doc.text.len() as f64;
    assert!((0.4..0.6).contains(&share), "50% lands near the middle: {share}");
    type_prompt(&mut a, "没有这个词");
    assert!(a.message.as_deref().is_some_and(|m| m.contains("没有这个词")));
}

#[test]
fn in_a_terminal_4_and_colon_12_land_where_they_say() {
    let t = Tmux::start(&[&fixture("encyclopedia.txt")], 100, 30);
    t.wait_text("1 名称");
    t.keys(&["4"]);
    t.wait_for("4 水文 at the top of the text pane", |s| {
        s.lines().next().is_some_and(|first| text_part(first).starts_with("4 水文"))
    });
    t.keys(&["q"]);
    assert_eq!(t.wait_exit(), 0);

    let t = Tmux::start(&[&fixture("novel-volumes.txt")], 100, 30);
    t.wait_text("第一回");
    t.keys(&[":"]);
    t.type_text("12");
    t.keys(&["Enter"]);
    t.wait_for("第十二回 at the top of the text pane", |s| {
        s.lines().next().is_some_and(|first| text_part(first).starts_with("第十二回"))
    });
    t.keys(&["q"]);
    assert_eq!(t.wait_exit(), 0);
}
