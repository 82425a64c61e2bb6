//! Opening and reading a big text: load + decode + split + classify, time to the first
//! frame, the cost of a keypress to the next frame, and the end `G` shows while the text is
//! read (`tail_*`), on a generated novel (≥ 50 MB, 2,500 chapters) and on the bundled
//! article.
//!
//! `cargo bench --bench open`; `YUEDU_BENCH_MB=200` changes the size of the novel.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use yuedu::app::{Action, App};
use yuedu::config::Config;
use yuedu::document::{Document, load, outline, split_blocks, tail};

#[path = "../tests/fixtures/bigtext.rs"]
mod bigtext;

const CHAPTERS: usize = 2_500;

fn size_mb() -> usize {
    std::env::var("YUEDU_BENCH_MB").ok().and_then(|s| s.parse().ok()).unwrap_or(50)
}

fn draw(terminal: &mut Terminal<TestBackend>, app: &App) {
    terminal.draw(|f| yuedu::ui::draw(app, f)).expect("draw");
}

fn new_terminal() -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(100, 30)).expect("terminal")
}

fn bench(c: &mut Criterion) {
    let mb = size_mb();
    let text = bigtext::novel(mb << 20, CHAPTERS);
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("novel.txt");
    std::fs::write(&path, &text).expect("write the novel");
    let gb_path = dir.path().join("novel-gb18030.txt");
    std::fs::write(&gb_path, encoding_rs::GB18030.encode(&text).0).expect("write the GB18030 novel");
    eprintln!("novel: {} bytes, {CHAPTERS} chapters", text.len());

    let mut g = c.benchmark_group(format!("open_{mb}mb"));
    g.sample_size(10).measurement_time(Duration::from_secs(8)).warm_up_time(Duration::from_secs(1));
    g.bench_function("read_file_utf8", |b| b.iter(|| load::read_file(&path, None).expect("opens")));
    g.bench_function("read_file_gb18030", |b| b.iter(|| load::read_file(&gb_path, None).expect("opens")));
    g.bench_function("split_blocks", |b| b.iter(|| split_blocks(black_box(&text))));
    let blocks = split_blocks(&text);
    g.bench_function("classify", |b| {
        b.iter_batched_ref(
            || blocks.clone(),
            |bl| outline::classify(&text, bl, false),
            criterion::BatchSize::LargeInput,
        )
    });
    g.bench_function("first_frame", |b| {
        b.iter(|| {
            let decoded = load::read_file(&path, None).expect("opens");
            let doc = Document::new("novel.txt", decoded);
            let app = App::new(doc, Config::default(), 100, 30);
            let mut terminal = new_terminal();
            draw(&mut terminal, &app);
            app
        })
    });
    g.bench_function("first_frame_gb18030", |b| {
        b.iter(|| {
            let decoded = load::read_file(&gb_path, None).expect("opens");
            let app = App::new(Document::new("novel.txt", decoded), Config::default(), 100, 30);
            draw(&mut new_terminal(), &app);
            app
        })
    });
    g.finish();

    let decoded = load::read_file(&path, None).expect("opens");
    let doc = Document::new("novel.txt", decoded);
    assert!(doc.headings.len() > CHAPTERS, "the chapters are in the outline");
    let mut app = App::new(doc, Config::default(), 100, 30);
    let mut terminal = new_terminal();
    let mut g = c.benchmark_group(format!("keys_{mb}mb"));
    g.sample_size(50).measurement_time(Duration::from_secs(3)).warm_up_time(Duration::from_millis(500));
    g.bench_function("page_down", |b| {
        b.iter(|| {
            app.update(Action::PageDown);
            if app.percent_cached() >= 100 {
                app.update(Action::Top);
            }
            draw(&mut terminal, &app);
        })
    });
    g.bench_function("bottom_then_top", |b| {
        b.iter(|| {
            app.update(Action::Bottom);
            draw(&mut terminal, &app);
            app.update(Action::Top);
            draw(&mut terminal, &app);
        })
    });
    // A different chapter each time, so most jumps land on text not wrapped yet.
    let mut chapter = 1_500;
    g.bench_function("jump_to_chapter", |b| {
        b.iter(|| {
            chapter = if chapter >= CHAPTERS { 1 } else { chapter + 7 };
            app.jump_to_heading(chapter);
            draw(&mut terminal, &app);
        })
    });
    app.jump_to_heading(1_500);
    let mut wide = false;
    g.bench_function("resize", |b| {
        b.iter(|| {
            wide = !wide;
            let w = if wide { 101 } else { 100 };
            app.resize(w, 30);
            terminal.backend_mut().resize(w, 30);
            draw(&mut terminal, &app);
        })
    });
    g.finish();

    // `G` while the text is read: its end read, decoded and built, and its last page drawn,
    // for ends of several sizes (the reader reads `tail::TAIL_BYTES`).
    let len = text.len() as u64;
    let mut g = c.benchmark_group(format!("tail_{mb}mb"));
    g.sample_size(30).measurement_time(Duration::from_secs(3)).warm_up_time(Duration::from_millis(500));
    for kb in [64u64, 128, 256] {
        for (name, file, encoding) in [("utf8", &path, "UTF-8"), ("gb18030", &gb_path, "GB18030")] {
            let len = if encoding == "UTF-8" { len } else { std::fs::metadata(file).expect("stat").len() };
            g.bench_function(format!("end_{kb}kb_{name}"), |b| {
                b.iter(|| {
                    let end = tail::read_end(file, encoding, len, kb << 10).expect("an end");
                    let decoded = load::Decoded { text: end.text, encoding, warnings: Vec::new() };
                    let mut app = App::new(Document::new("novel.txt", decoded), Config::default(), 100, 30);
                    app.update(Action::Bottom);
                    draw(&mut new_terminal(), &app);
                    app
                })
            });
        }
    }
    g.finish();

    let mut g = c.benchmark_group("bundled");
    g.sample_size(50).measurement_time(Duration::from_secs(3)).warm_up_time(Duration::from_millis(500));
    g.bench_function("first_frame", |b| {
        b.iter(|| {
            let app = App::new(Document::bundled(), Config::default(), 100, 30);
            draw(&mut new_terminal(), &app);
            app
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
