//! Chart data and drawing. The series (topics across meetings, term trends) are plain
//! structs computed from the [`Explorer`]; the drawing code ([`draw`]) is generic over
//! plotters' `DrawingBackend`, renders to an SVG string with `SVGBackend` natively and in
//! the page, at the width the chart is shown at, and returns "hotspots" (where each cell
//! or point is) so the page can lay links over them.
//!
//! Partial sets are never drawn as if complete: their cells carry a corner mark, their
//! points are hollow and no line runs through them, and the chart says so in words inside
//! the SVG (which is also what is downloaded).

use plotters::style::RGBColor;

use super::corpus::CoverageStatus;
use super::query::Explorer;
use super::search::Query;
use super::stats::share;
use super::url::{explore_view as explore, View};

/// Okabe–Ito colour-blind-safe palette (black left out: it is the text colour).
pub const PALETTE: [RGBColor; 7] = [
    RGBColor(0xE6, 0x9F, 0x00),
    RGBColor(0x56, 0xB4, 0xE9),
    RGBColor(0x00, 0x9E, 0x73),
    RGBColor(0xD5, 0x5E, 0x00),
    RGBColor(0x00, 0x72, 0xB2),
    RGBColor(0xCC, 0x79, 0xA7),
    RGBColor(0xF0, 0xE4, 0x42),
];

/// A meeting on a chart's x axis.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    /// Meeting id.
    pub id: String,
    /// "Kyoto 2023".
    pub name: String,
    /// The meeting's year.
    pub year: u16,
    /// Messages included.
    pub included: usize,
    /// Whether the set is partial.
    pub partial: bool,
}

impl Column {
    /// The meeting as a column of a chart's table: "Kyoto 2023 (partial, 2 included)".
    pub fn label(&self) -> String {
        if self.partial {
            format!("{} (partial, {} included)", self.name, self.included)
        } else {
            format!("{} ({} included)", self.name, self.included)
        }
    }
}

/// Messages per topic for each meeting that has messages.
#[derive(Debug, Clone, PartialEq)]
pub struct TopicSeries {
    /// The meetings, in order.
    pub columns: Vec<Column>,
    /// Topic ids and labels.
    pub topics: Vec<(String, String)>,
    /// `counts[topic][column]`: messages included under the topic.
    pub counts: Vec<Vec<usize>>,
}

impl TopicSeries {
    /// The messages of `column` under `topic` as a share of the column's messages.
    pub fn share(&self, topic: usize, column: usize) -> Option<f64> {
        share(self.counts[topic][column], self.columns[column].included)
    }
}

/// For each term, the share of each meeting's messages that mention it.
#[derive(Debug, Clone, PartialEq)]
pub struct TermSeries {
    /// The meetings with messages, in order.
    pub columns: Vec<Column>,
    /// The terms as entered.
    pub terms: Vec<String>,
    /// `counts[term][column]`: messages mentioning the term.
    pub counts: Vec<Vec<usize>>,
}

impl TermSeries {
    /// The messages of `column` mentioning `term` as a share of the column's messages.
    pub fn share(&self, term: usize, column: usize) -> Option<f64> {
        share(self.counts[term][column], self.columns[column].included)
    }
}

fn columns(explorer: &Explorer) -> Vec<(usize, Column)> {
    explorer
        .corpus()
        .meetings
        .iter()
        .enumerate()
        .filter(|(i, _)| explorer.included()[*i] > 0)
        .map(|(i, m)| {
            let column = Column {
                id: m.id.clone(),
                name: m.short_name(),
                year: m.year.0,
                included: explorer.included()[i],
                partial: m.message_set.coverage.status != CoverageStatus::Complete,
            };
            (i, column)
        })
        .collect()
}

/// Messages per topic per meeting.
pub fn topic_series(explorer: &Explorer) -> TopicSeries {
    let columns = columns(explorer);
    let corpus = explorer.corpus();
    let mut counts = vec![vec![0; columns.len()]; corpus.topics.len()];
    let column_of: Vec<Option<usize>> = (0..corpus.meetings.len())
        .map(|m| columns.iter().position(|(i, _)| *i == m))
        .collect();
    for message in 0..corpus.messages.len() {
        if let Some(column) = column_of[explorer.meeting_of(message)] {
            for &topic in explorer.topics_of(message) {
                counts[topic as usize][column] += 1;
            }
        }
    }
    TopicSeries {
        columns: columns.into_iter().map(|(_, c)| c).collect(),
        topics: corpus
            .topics
            .iter()
            .map(|t| (t.id.clone(), t.label.clone()))
            .collect(),
        counts,
    }
}

/// The query a chart term stands for: matched like search (folded, stemmed, phrases in
/// quotes), with no prefix matching since the term is complete.
pub fn term_query(explorer: &Explorer, term: &str) -> Query {
    explorer.parse_query(&format!("{term} "))
}

/// For each term, the messages of each meeting that mention it.
pub fn term_series(explorer: &Explorer, terms: &[String]) -> TermSeries {
    let columns = columns(explorer);
    let meetings = explorer.corpus().meetings.len();
    let column_of: Vec<Option<usize>> = (0..meetings)
        .map(|m| columns.iter().position(|(i, _)| *i == m))
        .collect();
    let counts = terms
        .iter()
        .map(|term| {
            let query = term_query(explorer, term);
            let mut row = vec![0; columns.len()];
            if query.has_positive() {
                for hit in explorer.index().search(&query) {
                    if let Some(column) = column_of[explorer.meeting_of(hit.doc as usize)] {
                        row[column] += 1;
                    }
                }
            }
            row
        })
        .collect();
    TermSeries {
        columns: columns.into_iter().map(|(_, c)| c).collect(),
        terms: terms.to_vec(),
        counts,
    }
}

/// A clickable region of a chart: a bar or a point, in SVG pixels, and the Explore view
/// it opens.
#[derive(Debug, Clone, PartialEq)]
pub struct Hotspot {
    /// Left edge.
    pub x: i32,
    /// Top edge.
    pub y: i32,
    /// Width.
    pub width: i32,
    /// Height.
    pub height: i32,
    /// What it shows, for screen readers ("Geneva 2017, Human rights: 7 messages").
    pub label: String,
    /// The Explore view it opens.
    pub target: View,
}

mod draw;

pub use draw::{chart_width, terms_svg, topics_svg, ChartError, Drawn, MIN_TEXT, NARROW, WIDE};

/// The topic chart's title, which says what is counted.
pub fn topic_title(shares: bool) -> &'static str {
    if shares {
        "Share of each meeting's included messages under each topic"
    } else {
        "Messages included per topic, by meeting"
    }
}

/// The term chart's title.
pub const TERM_TITLE: &str = "Share of each meeting's included messages that mention each term";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Corpus;

    fn explorer() -> Explorer {
        Explorer::new(Corpus::builtin().unwrap())
    }

    #[test]
    fn topic_series_counts_messages_per_topic_and_meeting() {
        let series = topic_series(&explorer());
        let names: Vec<&str> = series.columns.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "Geneva 2017",
                "Paris 2018",
                "Berlin 2019",
                "Online 2020",
                "Katowice 2021",
                "Kyoto 2023",
                "Riyadh 2024"
            ]
        );
        let rights = series
            .topics
            .iter()
            .position(|(id, _)| id == "human-rights")
            .unwrap();
        assert_eq!(series.counts[rights][0], 24);
        assert_eq!(series.share(rights, 0), Some(0.5));
        assert!(!series.columns[0].partial && series.columns[5].partial);
    }

    #[test]
    fn term_series_matches_like_search() {
        let explorer = explorer();
        let terms = vec![
            "data".to_string(),
            "\"digital divide\"".to_string(),
            "AI".to_string(),
        ];
        let series = term_series(&explorer, &terms);
        let berlin = series
            .columns
            .iter()
            .position(|c| c.id == "berlin-2019")
            .unwrap();
        assert_eq!(series.counts[0][berlin], 4);
        assert_eq!(series.share(0, berlin), Some(1.0));
        let geneva = 0;
        assert_eq!(series.counts[1][geneva], 5);
        assert_eq!(series.counts[2][berlin], 1);
    }

    #[test]
    fn charts_draw_to_svg_with_title_legend_and_coverage_note() {
        let explorer = explorer();
        let drawn = topics_svg(&topic_series(&explorer), false, WIDE).unwrap();
        assert!(drawn.svg.contains(topic_title(false)));
        assert!(drawn.svg.contains("Cells with a corner mark: partial sets"));
        assert!(drawn.svg.contains("Technical and operational"));
        assert_eq!(drawn.hotspots.len(), 7 * 11);
        assert_eq!(drawn.size.0, WIDE);
        insta::assert_snapshot!("topics_svg", drawn.svg);
        let terms = term_series(&explorer, &["data".into(), "AI".into()]);
        let drawn = terms_svg(&terms, WIDE).unwrap();
        assert!(drawn
            .svg
            .contains("Share of each meeting&apos;s included messages"));
        assert_eq!(drawn.hotspots.len(), 2 * 7);
        let target = &drawn.hotspots[0].target;
        assert_eq!(
            crate::url::render(target),
            "#/explore?q=data+&meeting=geneva-2017"
        );
        insta::assert_snapshot!("terms_svg", drawn.svg);
    }

    /// Every `font-size` in an SVG, in pixels.
    fn font_sizes(svg: &str) -> Vec<f64> {
        svg.match_indices("font-size=\"")
            .filter_map(|(i, m)| {
                let rest = &svg[i + m.len()..];
                rest[..rest.find('"')?].trim_end_matches("px").parse().ok()
            })
            .collect()
    }

    #[test]
    fn no_chart_text_under_12_px_at_phone_or_projector_width() {
        let explorer = explorer();
        let topics = topic_series(&explorer);
        let terms = term_series(
            &explorer,
            &["data".into(), "\"digital divide\"".into(), "AI".into()],
        );
        for width in [NARROW, 360, 640, WIDE] {
            for (name, drawn) in [
                ("topics", topics_svg(&topics, false, width).unwrap()),
                ("shares", topics_svg(&topics, true, width).unwrap()),
                ("terms", terms_svg(&terms, width).unwrap()),
            ] {
                let sizes = font_sizes(&drawn.svg);
                assert!(!sizes.is_empty(), "{name} at {width}: no text found");
                let smallest = sizes.iter().copied().fold(f64::INFINITY, f64::min);
                assert!(
                    smallest >= f64::from(MIN_TEXT),
                    "{name} at {width}: text of {smallest} px"
                );
                assert!(
                    drawn.size.0 >= width,
                    "{name} at {width}: drawn {}",
                    drawn.size.0
                );
            }
        }
    }

    #[test]
    fn term_lines_never_join_a_partial_set() {
        let explorer = explorer();
        // Geneva 2017 is complete; every later meeting of the built-in corpus is partial.
        let terms = term_series(&explorer, &["data".into()]);
        let svg = terms_svg(&terms, WIDE).unwrap().svg;
        // A line of the series is a two-point polyline in the series colour (markers are
        // closed paths; axes are black).
        let segments = svg
            .split("<polyline")
            .skip(1)
            .filter(|p| !p.contains("stroke=\"#000000\""))
            .filter(|p| {
                let points = p
                    .split("points=\"")
                    .nth(1)
                    .and_then(|r| r.split('"').next());
                points.is_some_and(|points| points.split_whitespace().count() == 2)
            })
            .count();
        assert_eq!(segments, 0, "a line through partial sets");
        assert!(svg.contains("no line joins them"));
        // With two complete neighbours, the line is drawn.
        let mut complete = terms.clone();
        for column in &mut complete.columns {
            column.partial = false;
        }
        let svg = terms_svg(&complete, WIDE).unwrap().svg;
        assert!(svg
            .split("<polyline")
            .skip(1)
            .any(|p| p.contains("stroke=\"#E69F00\"") && p.contains("stroke-width=\"2\"")));
    }

    #[test]
    fn heat_map_puts_the_biggest_topic_first_and_marks_partial_columns() {
        let explorer = explorer();
        let series = topic_series(&explorer);
        let drawn = topics_svg(&series, false, WIDE).unwrap();
        // The first row of cells is the topic with most messages (human rights, 27).
        assert!(
            drawn.hotspots[0]
                .label
                .ends_with("Human rights and freedoms: 24 messages"),
            "{}",
            drawn.hotspots[0].label
        );
        let compact = topics_svg(&series, false, 360).unwrap();
        assert!(
            compact.svg.contains("\n2023*\n"),
            "a partial year is starred when compact"
        );
    }

    #[test]
    fn terms_cannot_become_markup_in_the_svg() {
        let explorer = explorer();
        let hostile = vec![
            "<script>alert(1)</script>".to_string(),
            "a & b \"quoted\" 'single'".to_string(),
            "</text><image href=x onerror=alert(1)>".to_string(),
        ];
        let drawn = terms_svg(&term_series(&explorer, &hostile), WIDE).unwrap();
        assert!(!drawn.svg.contains("<script"));
        assert!(!drawn.svg.contains("<image"));
        assert!(drawn.svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(drawn
            .svg
            .contains("a &amp; b &quot;quoted&quot; &apos;single&apos;"));
        // Every element in the SVG is one plotters writes.
        let allowed = [
            "svg", "rect", "text", "polyline", "line", "circle", "polygon", "path", "g",
        ];
        for tag in drawn.svg.split('<').skip(1).map(|t| {
            t.trim_start_matches('/')
                .split([' ', '>', '\n', '/'])
                .next()
                .unwrap_or("")
        }) {
            assert!(
                tag.is_empty() || tag.starts_with('?') || allowed.contains(&tag),
                "unexpected element <{tag}>"
            );
        }
    }
}
