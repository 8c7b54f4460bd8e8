//! Chart data and drawing. The series (topics across meetings, term trends) are plain
//! structs computed from the [`Explorer`]; the drawing code is generic over plotters'
//! `DrawingBackend`, renders to an SVG string with `SVGBackend` natively and in the page,
//! and returns "hotspots" (where each bar or point is) so the page can lay links over them.
//!
//! Partial sets are never drawn as if complete: their bars and points are hollow, and the
//! chart says so in words inside the SVG (which is also what is downloaded).

use plotters::coord::Shift;
use plotters::prelude::*;

use super::corpus::CoverageStatus;
use super::query::{Explorer, Facet, Selection};
use super::search::Query;
use super::stats::share;
use super::url::{Route, View};

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
/// Size of the drawn charts, in SVG pixels.
pub const SIZE: (u32, u32) = (960, 540);

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
pub fn term_query(explorer: &mut Explorer, term: &str) -> Query {
    explorer.parse_query(&format!("{term} "))
}

/// For each term, the messages of each meeting that mention it.
pub fn term_series(explorer: &mut Explorer, terms: &[String]) -> TermSeries {
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

fn explore(meeting: &str, topic: Option<&str>, text: Option<&str>) -> View {
    let mut selection = Selection::default();
    selection.filters.toggle(Facet::Meeting, meeting);
    if let Some(topic) = topic {
        selection.filters.toggle(Facet::Topic, topic);
    }
    if let Some(text) = text {
        selection.text = format!("{text} ");
    }
    View {
        route: Route::Explore,
        selection,
        ..View::default()
    }
}

fn partial_note(columns: &[Column]) -> String {
    let partial: Vec<String> = columns
        .iter()
        .filter(|c| c.partial)
        .map(|c| format!("{} ({} included)", c.name, c.included))
        .collect();
    if partial.is_empty() {
        "All sets shown are complete.".into()
    } else {
        format!(
            "Hollow marks: partial sets, not the whole year: {}.",
            partial.join(", ")
        )
    }
}

/// Black sans-serif text of this size, centred on its position.
fn centred(size: u32) -> TextStyle<'static> {
    use plotters::style::text_anchor::{HPos, Pos, VPos};
    ("sans-serif", size)
        .into_font()
        .color(&BLACK)
        .pos(Pos::new(HPos::Center, VPos::Top))
}

/// A meeting's name under its place on the x axis: the name, then "partial" where it is.
fn column_label<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    (x, y): (i32, i32),
    column: &Column,
) -> DrawResult<(), DB> {
    root.draw(&Text::new(column.name.clone(), (x, y + 6), centred(13)))?;
    if column.partial {
        root.draw(&Text::new("(partial)", (x, y + 22), centred(12)))?;
    }
    Ok(())
}

/// The x axis's title, under the meeting names.
fn x_axis_title<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    (x, y): (i32, i32),
) -> DrawResult<(), DB> {
    root.draw(&Text::new("Meeting (year)", (x, y + 38), centred(13)))
}

/// Lines of small print, wrapped to the chart's width.
fn notes<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    paragraphs: &[&str],
) -> DrawResult<(), DB> {
    const CHARS: usize = 140;
    let mut y = 4;
    for paragraph in paragraphs {
        let mut line = String::new();
        for word in paragraph.split(' ') {
            if !line.is_empty() && line.chars().count() + word.chars().count() + 1 > CHARS {
                area.draw(&Text::new(
                    std::mem::take(&mut line),
                    (14, y),
                    ("sans-serif", 12).into_font().color(&BLACK),
                ))?;
                y += 15;
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
        area.draw(&Text::new(
            line,
            (14, y),
            ("sans-serif", 12).into_font().color(&BLACK),
        ))?;
        y += 17;
    }
    Ok(())
}

type DrawResult<T, DB> = Result<T, DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// The topic chart's title, which says what is counted.
pub fn topic_title(shares: bool) -> &'static str {
    if shares {
        "Share of each meeting's included messages under each topic"
    } else {
        "Messages included per topic, by meeting"
    }
}

/// Draws grouped bars: one group per meeting, one bar per topic, numbered like the legend
/// so that colour is never the only cue; partial sets hollow.
pub fn draw_topics<DB: DrawingBackend>(
    series: &TopicSeries,
    shares: bool,
    root: &DrawingArea<DB, Shift>,
) -> DrawResult<Vec<Hotspot>, DB> {
    root.fill(&WHITE)?;
    let (body, footer) = root.split_vertically(SIZE.1 - 70);
    let value = |t: usize, c: usize| -> f64 {
        if shares {
            series.share(t, c).unwrap_or(0.0) * 100.0
        } else {
            series.counts[t][c] as f64
        }
    };
    let topics = series.topics.len().max(1);
    let groups = series.columns.len().max(1);
    let max = (0..series.topics.len())
        .flat_map(|t| (0..series.columns.len()).map(move |c| (t, c)))
        .map(|(t, c)| value(t, c))
        .fold(0.0, f64::max);
    let top = if shares {
        (max * 1.1).clamp(10.0, 100.0)
    } else {
        (max * 1.15).max(1.0)
    };
    let (plot, legend) = body.split_horizontally(SIZE.0 - 250);
    let mut chart = ChartBuilder::on(&plot)
        .caption(topic_title(shares), ("sans-serif", 22))
        .margin(12)
        .x_label_area_size(58)
        .y_label_area_size(56)
        .build_cartesian_2d(0f64..groups as f64, 0f64..top)?;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .disable_x_axis()
        .y_desc(if shares {
            "% of the meeting's messages included"
        } else {
            "Messages included"
        })
        .y_label_formatter(&|v| format!("{v:.0}"))
        .label_style(("sans-serif", 14))
        .draw()?;
    x_axis_title(root, chart.backend_coord(&(groups as f64 / 2.0, 0.0)))?;
    let mut hotspots = Vec::new();
    let slot = 0.8 / topics as f64;
    for (c, column) in series.columns.iter().enumerate() {
        let (cx, cy) = chart.backend_coord(&(c as f64 + 0.5, 0.0));
        column_label(root, (cx, cy), column)?;
        for t in 0..series.topics.len() {
            let x0 = c as f64 + 0.1 + t as f64 * slot;
            let x1 = x0 + slot * 0.9;
            let v = value(t, c);
            let colour = PALETTE[t % PALETTE.len()];
            let style = if column.partial {
                colour.stroke_width(2)
            } else {
                colour.filled()
            };
            chart.draw_series(std::iter::once(Rectangle::new([(x0, 0.0), (x1, v)], style)))?;
            let (px0, py1) = chart.backend_coord(&(x0, v));
            let (px1, py0) = chart.backend_coord(&(x1, 0.0));
            root.draw(&Text::new(
                format!("{}", t + 1),
                ((px0 + px1) / 2, py1 - 12),
                centred(9),
            ))?;
            let amount = if shares {
                format!("{:.0}% of {} messages", v, column.included)
            } else {
                format!("{} messages", series.counts[t][c])
            };
            hotspots.push(Hotspot {
                x: px0,
                y: py1.min(py0 - 4),
                width: (px1 - px0).max(4),
                height: (py0 - py1).max(4),
                label: format!("{}, {}: {}", column.name, series.topics[t].1, amount),
                target: explore(&column.id, Some(&series.topics[t].0), None),
            });
        }
    }
    // Legend on the right: number, colour and label.
    for (t, (_, label)) in series.topics.iter().enumerate() {
        let y = 50 + t as i32 * 20;
        let colour = PALETTE[t % PALETTE.len()];
        legend.draw(&Rectangle::new([(4, y), (16, y + 12)], colour.filled()))?;
        legend.draw(&Text::new(
            format!("{} {}", t + 1, label),
            (22, y),
            ("sans-serif", 13).into_font().color(&BLACK),
        ))?;
    }
    notes(
        &footer,
        &[
            &partial_note(&series.columns),
            "A message counts under every topic its heading maps to; topics are an editorial layer over the published headings.",
        ],
    )?;
    root.present()?;
    Ok(hotspots)
}

/// The term chart's title.
pub const TERM_TITLE: &str = "Share of each meeting's included messages that mention each term";

/// Draws one line per term across the years, each with its own marker shape; points of
/// partial sets are hollow.
pub fn draw_terms<DB: DrawingBackend>(
    series: &TermSeries,
    root: &DrawingArea<DB, Shift>,
) -> DrawResult<Vec<Hotspot>, DB> {
    root.fill(&WHITE)?;
    let (body, footer) = root.split_vertically(SIZE.1 - 70);
    let years: Vec<u16> = series.columns.iter().map(|c| c.year).collect();
    let (first, last) = (
        years.first().copied().unwrap_or(2017) as f64,
        years.last().copied().unwrap_or(2024) as f64,
    );
    let max = (0..series.terms.len())
        .flat_map(|t| (0..series.columns.len()).map(move |c| (t, c)))
        .filter_map(|(t, c)| series.share(t, c))
        .fold(0.0, f64::max)
        * 100.0;
    let mut chart = ChartBuilder::on(&body)
        .caption(TERM_TITLE, ("sans-serif", 22))
        .margin(12)
        .x_label_area_size(58)
        .y_label_area_size(56)
        .build_cartesian_2d(
            (first - 0.5)..(last + 0.5),
            0f64..(max * 1.15).clamp(10.0, 100.0),
        )?;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .disable_x_axis()
        .y_desc("% of the meeting's messages included")
        .y_label_formatter(&|v| format!("{v:.0}"))
        .label_style(("sans-serif", 13))
        .draw()?;
    for column in &series.columns {
        let at = chart.backend_coord(&(column.year as f64, 0.0));
        column_label(root, at, column)?;
    }
    x_axis_title(root, chart.backend_coord(&((first + last) / 2.0, 0.0)))?;
    let mut hotspots = Vec::new();
    for (t, term) in series.terms.iter().enumerate() {
        let colour = PALETTE[t % PALETTE.len()];
        let points: Vec<(f64, f64, bool, usize)> = series
            .columns
            .iter()
            .enumerate()
            .filter_map(|(c, column)| {
                series
                    .share(t, c)
                    .map(|s| (column.year as f64, s * 100.0, column.partial, c))
            })
            .collect();
        chart
            .draw_series(LineSeries::new(
                points.iter().map(|p| (p.0, p.1)),
                colour.stroke_width(2),
            ))?
            .label(term.clone())
            .legend(move |(x, y)| {
                PathElement::new(outline(t, (x + 10, y)), colour.stroke_width(2))
            });
        for &(x, y, partial, c) in &points {
            let (px, py) = chart.backend_coord(&(x, y));
            root.draw(&marker(t, (px, py), !partial, colour))?;
            let column = &series.columns[c];
            hotspots.push(Hotspot {
                x: px - 9,
                y: py - 9,
                width: 18,
                height: 18,
                label: format!(
                    "\"{term}\" in {}: {} of {} messages ({:.0}%)",
                    column.name, series.counts[t][c], column.included, y
                ),
                target: explore(&column.id, None, Some(term)),
            });
        }
    }
    chart
        .configure_series_labels()
        .position(SeriesLabelPosition::UpperLeft)
        .margin(8)
        .label_font(("sans-serif", 14))
        .background_style(WHITE.mix(0.9))
        .border_style(BLACK)
        .draw()?;
    notes(
        &footer,
        &[
            &partial_note(&series.columns),
            "Meetings with no message text included are not plotted. Terms match like search: folded and stemmed.",
        ],
    )?;
    root.present()?;
    Ok(hotspots)
}

/// The marker of series `t`: circle, triangle, square, cross or diamond; filled or hollow.
fn marker<'a, DB: DrawingBackend + 'a>(
    t: usize,
    at: (i32, i32),
    filled: bool,
    colour: RGBColor,
) -> DynElement<'a, DB, (i32, i32)> {
    let style = if filled {
        colour.filled()
    } else {
        colour.stroke_width(2)
    };
    let (x, y) = at;
    let shape = |points: Vec<(i32, i32)>| -> DynElement<'a, DB, (i32, i32)> {
        if filled {
            Polygon::new(points, style).into_dyn()
        } else {
            let mut closed = points.clone();
            closed.push(points[0]);
            PathElement::new(closed, style).into_dyn()
        }
    };
    match t % 5 {
        0 => Circle::new((x, y), 6, style).into_dyn(),
        1 => shape(vec![(x, y - 7), (x - 7, y + 6), (x + 7, y + 6)]),
        2 => Rectangle::new([(x - 6, y - 6), (x + 6, y + 6)], style).into_dyn(),
        3 => Cross::new((x, y), 6, colour.stroke_width(if filled { 3 } else { 1 })).into_dyn(),
        _ => shape(vec![(x, y - 8), (x - 7, y), (x, y + 8), (x + 7, y)]),
    }
}

/// The outline of series `t`'s marker as one path, for the legend (where a concrete
/// element type is needed).
fn outline(t: usize, (x, y): (i32, i32)) -> Vec<(i32, i32)> {
    match t % 5 {
        0 => vec![
            (x - 3, y - 6),
            (x + 3, y - 6),
            (x + 6, y - 3),
            (x + 6, y + 3),
            (x + 3, y + 6),
            (x - 3, y + 6),
            (x - 6, y + 3),
            (x - 6, y - 3),
            (x - 3, y - 6),
        ],
        1 => vec![(x, y - 7), (x - 7, y + 6), (x + 7, y + 6), (x, y - 7)],
        2 => vec![
            (x - 6, y - 6),
            (x + 6, y - 6),
            (x + 6, y + 6),
            (x - 6, y + 6),
            (x - 6, y - 6),
        ],
        3 => vec![
            (x - 6, y - 6),
            (x + 6, y + 6),
            (x, y),
            (x + 6, y - 6),
            (x - 6, y + 6),
        ],
        _ => vec![(x, y - 8), (x - 7, y), (x, y + 8), (x + 7, y), (x, y - 8)],
    }
}

/// A chart drawn as an SVG document, with its hotspots.
#[derive(Debug, Clone, PartialEq)]
pub struct Drawn {
    /// The SVG document (title, legend and coverage note inside).
    pub svg: String,
    /// Where the bars or points are.
    pub hotspots: Vec<Hotspot>,
}

fn to_svg<F>(draw: F) -> Result<Drawn, String>
where
    F: FnOnce(&DrawingArea<SVGBackend<'_>, Shift>) -> Result<Vec<Hotspot>, String>,
{
    let mut svg = String::new();
    let hotspots = {
        let root = SVGBackend::with_string(&mut svg, SIZE).into_drawing_area();
        draw(&root)?
    };
    Ok(Drawn { svg, hotspots })
}

/// The topic chart as SVG.
pub fn topics_svg(series: &TopicSeries, shares: bool) -> Result<Drawn, String> {
    to_svg(|root| draw_topics(series, shares, root).map_err(|e| e.to_string()))
}

/// The term chart as SVG.
pub fn terms_svg(series: &TermSeries) -> Result<Drawn, String> {
    to_svg(|root| draw_terms(series, root).map_err(|e| e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::corpus::Corpus;

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
        let mut explorer = explorer();
        let terms = vec![
            "data".to_string(),
            "\"digital divide\"".to_string(),
            "AI".to_string(),
        ];
        let series = term_series(&mut explorer, &terms);
        let berlin = series
            .columns
            .iter()
            .position(|c| c.id == "berlin-2019")
            .unwrap();
        assert_eq!(series.counts[0][berlin], 3);
        assert_eq!(series.share(0, berlin), Some(1.0));
        let geneva = 0;
        assert_eq!(series.counts[1][geneva], 5);
        assert_eq!(series.counts[2][berlin], 1);
    }

    #[test]
    fn charts_draw_to_svg_with_title_legend_and_coverage_note() {
        let mut explorer = explorer();
        let drawn = topics_svg(&topic_series(&explorer), false).unwrap();
        assert!(drawn.svg.contains(topic_title(false)));
        assert!(drawn.svg.contains("Hollow marks: partial sets"));
        assert!(drawn.svg.contains("11 Technical and operational"));
        assert_eq!(drawn.hotspots.len(), 7 * 11);
        insta::assert_snapshot!("topics_svg", drawn.svg);
        let terms = term_series(&mut explorer, &["data".into(), "AI".into()]);
        let drawn = terms_svg(&terms).unwrap();
        assert!(drawn.svg.contains(&TERM_TITLE.replace('\'', "&apos;")));
        assert_eq!(drawn.hotspots.len(), 2 * 7);
        let target = &drawn.hotspots[0].target;
        assert_eq!(
            crate::core::url::render(target),
            "#/explore?q=data+&meeting=geneva-2017"
        );
        insta::assert_snapshot!("terms_svg", drawn.svg);
    }

    #[test]
    fn terms_cannot_become_markup_in_the_svg() {
        let mut explorer = explorer();
        let hostile = vec![
            "<script>alert(1)</script>".to_string(),
            "a & b \"quoted\" 'single'".to_string(),
            "</text><image href=x onerror=alert(1)>".to_string(),
        ];
        let drawn = terms_svg(&term_series(&mut explorer, &hostile)).unwrap();
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
