//! Line breaking throughput (MB/s of source text) on the bundled article and on a ≥ 50 MB
//! Chinese text made of its paragraphs, side by side with textwrap 0.16 (first fit, UAX #14
//! word separator) on the same paragraphs; and the frame time of a keypress and of a resize
//! with `TestBackend` at 200×60, on the article, on a text a tenth of the big one and on the
//! big one, to show that it does not grow with the document.
//!
//! `cargo bench --bench wrap`; `YUEDU_BENCH_MB=100` changes the size of the big text.

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkGroup, Criterion, SamplingMode, Throughput, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use textwrap::{Options, WordSeparator, WrapAlgorithm};
use yuedu::app::{Action, App};
use yuedu::config::Config;
use yuedu::document::{BlockKind, Decoded, Document};
use yuedu::layout::linebreak::{WrapOptions, wrap};

/// The text column of the reader at its default `max_text_width`.
const WIDTH: usize = 80;
/// The default first-line indent `　　`, in columns.
const INDENT: usize = 4;

fn size_mb() -> usize {
    std::env::var("YUEDU_BENCH_MB").ok().and_then(|s| s.parse().ok()).unwrap_or(50)
}

/// The article's body paragraphs repeated (with its headings every few paragraphs) until the
/// text is at least `bytes` long; one paragraph per line.
fn big_text(bytes: usize) -> String {
    let doc = Document::bundled();
    let blocks: Vec<&str> = (0..doc.blocks.len()).map(|i| doc.block_text(i)).collect();
    let mut out = String::with_capacity(bytes + 10_000);
    while out.len() < bytes {
        for (i, b) in blocks.iter().enumerate() {
            if i == 0 && !out.is_empty() {
                continue;
            }
            out.push_str(b);
            out.push('\n');
        }
    }
    out
}

fn ours(paragraphs: &[&str]) -> usize {
    let opts = WrapOptions::default();
    paragraphs.iter().map(|p| wrap(p, 0, WIDTH, INDENT, &opts).len()).sum()
}

fn theirs(paragraphs: &[&str]) -> usize {
    let options = Options::new(WIDTH)
        .wrap_algorithm(WrapAlgorithm::FirstFit)
        .word_separator(WordSeparator::UnicodeBreakProperties)
        .initial_indent("　　");
    paragraphs.iter().map(|p| textwrap::wrap(p, &options).len()).sum()
}

fn throughput(g: &mut BenchmarkGroup<'_, criterion::measurement::WallTime>, paragraphs: &[&str]) {
    let bytes: usize = paragraphs.iter().map(|p| p.len()).sum();
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("yuedu_wrap", |b| b.iter(|| ours(black_box(paragraphs))));
    g.bench_function("textwrap_first_fit", |b| b.iter(|| theirs(black_box(paragraphs))));
}

fn frames(c: &mut Criterion, name: &str, doc: Document) {
    let mut g = c.benchmark_group(format!("frame_200x60_{name}"));
    g.sample_size(10).measurement_time(Duration::from_secs(2)).warm_up_time(Duration::from_millis(500));
    let mut term = Terminal::new(TestBackend::new(200, 60)).expect("terminal");
    let mut app = App::new(doc, Config::default(), 200, 60);
    let middle = app.doc.text.len() / 2;
    app.scroll_to_offset(middle);
    g.bench_function("page_down", |b| {
        b.iter(|| {
            if app.percent_cached() >= 100 {
                app.update(Action::Top);
            }
            app.update(Action::PageDown);
            term.draw(|f| yuedu::ui::draw(&app, f)).expect("draw");
        })
    });
    app.scroll_to_offset(middle);
    let mut narrow = false;
    g.bench_function("resize", |b| {
        b.iter(|| {
            narrow = !narrow;
            let w = if narrow { 199 } else { 200 };
            app.resize(w, 60);
            term.backend_mut().resize(w, 60);
            term.draw(|f| yuedu::ui::draw(&app, f)).expect("draw");
        })
    });
    g.finish();
}

fn bench(c: &mut Criterion) {
    let article = Document::bundled();
    let paragraphs: Vec<&str> = (0..article.blocks.len())
        .filter(|&i| article.blocks[i].kind == BlockKind::Body)
        .map(|i| article.block_text(i))
        .collect();
    let mut g = c.benchmark_group("wrap_article");
    g.sample_size(10).measurement_time(Duration::from_secs(2)).warm_up_time(Duration::from_millis(500));
    throughput(&mut g, &paragraphs);
    g.finish();

    let mb = size_mb();
    let text = big_text(mb << 20);
    let lines: Vec<&str> = text.lines().collect();
    eprintln!("big text: {} bytes, {} paragraphs", text.len(), lines.len());
    let mut g = c.benchmark_group(format!("wrap_{mb}mb"));
    g.sampling_mode(SamplingMode::Flat)
        .sample_size(10)
        .measurement_time(Duration::from_secs(5))
        .warm_up_time(Duration::from_millis(500));
    throughput(&mut g, &lines);
    g.finish();

    frames(c, "article", Document::bundled());
    let small = Decoded { text: big_text(mb.div_ceil(10) << 20), encoding: "UTF-8", warnings: Vec::new() };
    frames(c, &format!("{}mb", mb.div_ceil(10)), Document::new("small.txt", small));
    let decoded = Decoded { text, encoding: "UTF-8", warnings: Vec::new() };
    frames(c, &format!("{mb}mb"), Document::new("big.txt", decoded));
}

criterion_group!(benches, bench);
criterion_main!(benches);
