//! Drawing the charts with plotters, generic over `DrawingBackend`, at the width they are
//! shown at (one SVG pixel is one CSS pixel), so that no text is drawn under
//! [`MIN_TEXT`] pixels, on a phone or on a projector. Narrow widths get a compact layout
//! (years only on the axes, labels wrapped); where the columns do not fit, the chart is
//! drawn wider than asked and the page lets it scroll rather than shrinking its text.

use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::stats::percent_short;

use super::{explore, topic_title, Column, Hotspot, TermSeries, TopicSeries, PALETTE, TERM_TITLE};

/// The widest a chart is drawn: the figure's width on a desktop or a projector.
pub const WIDE: u32 = 960;
/// The narrowest a chart is drawn: a 320 px phone's content width, rounded down.
pub const NARROW: u32 = 300;
/// The smallest text drawn, in pixels.
pub const MIN_TEXT: u32 = 12;
/// Below this width the compact layout is used.
const COMPACT: u32 = 640;
/// Space left and right of everything drawn.
const EDGE: i32 = 12;

/// The width to draw a chart at for a figure `available` CSS pixels wide: whole steps of
/// 20 pixels (a resize redraws now and then, not at every pixel), within
/// [`NARROW`]..=[`WIDE`].
pub fn chart_width(available: u32) -> u32 {
    (available / 20 * 20).clamp(NARROW, WIDE)
}

/// A chart drawn as an SVG document, with its hotspots.
#[derive(Debug, Clone, PartialEq)]
pub struct Drawn {
    /// The SVG document (title, legend and coverage note inside).
    pub svg: String,
    /// Its size in pixels, which is also the size it is shown at.
    pub size: (u32, u32),
    /// Where the cells or points are.
    pub hotspots: Vec<Hotspot>,
}

type DrawResult<T, DB> = Result<T, DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// A sans-serif font that the SVG shows at `px` CSS pixels: plotters' SVG backend writes
/// `font-size` as the size divided by 1.24 (points to pixels), so the size is given
/// times 1.24.
fn font(px: u32) -> FontDesc<'static> {
    ("sans-serif", f64::from(px) * 1.24).into()
}

fn style(size: u32, h: HPos, v: VPos) -> TextStyle<'static> {
    font(size).color(&BLACK).pos(Pos::new(h, v))
}

fn bold(size: u32, h: HPos, v: VPos) -> TextStyle<'static> {
    font(size)
        .style(FontStyle::Bold)
        .color(&BLACK)
        .pos(Pos::new(h, v))
}

/// How many characters of `size`-pixel sans-serif text fit in `width` pixels (a
/// generous average, so wrapped lines stay inside).
fn chars_in(width: i32, size: u32) -> usize {
    (f64::from(width.max(1)) / (f64::from(size) * 0.58)).max(6.0) as usize
}

/// Splits `text` into lines of at most `chars` characters, at spaces (a longer word gets
/// a line of its own).
fn wrap(text: &str, chars: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > chars {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// Draws `lines` from `(x, y)` down, `step` pixels apart.
fn draw_lines<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    lines: &[String],
    (x, y): (i32, i32),
    step: i32,
    text: &TextStyle<'static>,
) -> DrawResult<(), DB> {
    for (i, line) in lines.iter().enumerate() {
        root.draw(&Text::new(
            line.clone(),
            (x, y + i as i32 * step),
            text.clone(),
        ))?;
    }
    Ok(())
}

/// A chart's title, wrapped to the chart's width, drawn at its top.
struct Title {
    lines: Vec<String>,
    size: u32,
    /// From the top of the chart to under the title.
    height: i32,
}

impl Title {
    fn new(title: &str, width: u32) -> Title {
        let size = if width < COMPACT { 16 } else { 18 };
        let lines = wrap(title, chars_in(width as i32 - 2 * EDGE, size));
        let height = 12 + lines.len() as i32 * (size as i32 + 6);
        Title {
            lines,
            size,
            height,
        }
    }

    fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>) -> DrawResult<(), DB> {
        let step = self.size as i32 + 6;
        draw_lines(
            root,
            &self.lines,
            (EDGE, 12),
            step,
            &bold(self.size, HPos::Left, VPos::Top),
        )
    }
}

/// The notes under a chart (what is partial, what is editorial), wrapped to its width.
struct Notes {
    lines: Vec<String>,
    height: i32,
}

impl Notes {
    fn new(notes: &[String], width: u32) -> Notes {
        let chars = chars_in(width as i32 - 2 * EDGE, MIN_TEXT);
        let lines: Vec<String> = notes.iter().flat_map(|n| wrap(n, chars)).collect();
        let height = 10 + lines.len() as i32 * 16;
        Notes { lines, height }
    }

    /// Draws the notes from `top` down.
    fn draw<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        top: i32,
    ) -> DrawResult<(), DB> {
        draw_lines(
            root,
            &self.lines,
            (EDGE, top + 10),
            16,
            &style(MIN_TEXT, HPos::Left, VPos::Top),
        )
    }
}

/// The first note of a chart: which sets are partial, how the chart marks them (`marks`)
/// and what that means for reading it (`meaning`, after "not the whole year").
fn partial_note(columns: &[Column], marks: &str, meaning: &str) -> String {
    let partial = partial_names(columns);
    if partial.is_empty() {
        "All sets shown are complete.".to_string()
    } else {
        format!(
            "{marks}: partial sets, not the whole year{meaning}: {}.",
            partial.join(", ")
        )
    }
}

/// "Kyoto 2023" as ("Kyoto", "2023").
fn place_and_year(column: &Column) -> (String, String) {
    let year = column.year.to_string();
    let place = column
        .name
        .strip_suffix(&year)
        .map_or(column.name.as_str(), str::trim)
        .to_string();
    (place, year)
}

fn partial_names(columns: &[Column]) -> Vec<String> {
    columns
        .iter()
        .filter(|c| c.partial)
        .map(|c| format!("{} ({} included)", c.name, c.included))
        .collect()
}

/// The heat map's colour for an intensity in 0..=1: white to a dark blue, one hue, so
/// that order reads without colour vision; the number is printed in every cell anyway.
fn heat(t: f64) -> RGBColor {
    let mix = |end: u8| (255.0 - (255.0 - f64::from(end)) * t.clamp(0.0, 1.0)).round() as u8;
    RGBColor(mix(0x00), mix(0x4C), mix(0x80))
}

/// Where everything of the topic heat map goes.
struct TopicsLayout {
    size: (u32, u32),
    compact: bool,
    title: Title,
    /// Topic positions, most messages first.
    rows: Vec<usize>,
    labels: Vec<Vec<String>>,
    label_size: u32,
    label_width: i32,
    column_width: i32,
    header_height: i32,
    row_heights: Vec<i32>,
    notes: Notes,
}

fn topics_layout(series: &TopicSeries, shares: bool, width: u32) -> TopicsLayout {
    let compact = width < COMPACT;
    let columns = series.columns.len().max(1) as i32;
    let label_size = if compact { MIN_TEXT } else { 13 };
    let label_width = if compact { 104 } else { 250 };
    let min_column = if compact { 33 } else { 64 };
    let column_width = ((width as i32 - 2 * EDGE - label_width) / columns).clamp(min_column, 110);
    let drawn_width = (2 * EDGE + label_width + columns * column_width).max(width as i32);
    let mut rows: Vec<usize> = (0..series.topics.len()).collect();
    let total = |t: usize| series.counts[t].iter().sum::<usize>();
    rows.sort_by_key(|&t| std::cmp::Reverse(total(t)));
    let labels: Vec<Vec<String>> = rows
        .iter()
        .map(|&t| wrap(&series.topics[t].1, chars_in(label_width - 8, label_size)))
        .collect();
    let row_heights: Vec<i32> = labels
        .iter()
        .map(|l| (l.len() as i32 * 15 + 10).max(30))
        .collect();
    let marks = if compact {
        "Years marked * and cells with a corner mark"
    } else {
        "Cells with a corner mark"
    };
    let notes = Notes::new(
        &[
            partial_note(&series.columns, marks, ""),
            "A message counts under every topic its heading maps to; topics are an editorial layer over the published headings. Topics with the most messages come first.".to_string(),
        ],
        drawn_width as u32,
    );
    let title = Title::new(topic_title(shares), drawn_width as u32);
    let header_height = if compact { 26 } else { 54 };
    let height = title.height + header_height + row_heights.iter().sum::<i32>() + 8 + notes.height;
    TopicsLayout {
        size: (drawn_width as u32, height as u32),
        compact,
        title,
        rows,
        labels,
        label_size,
        label_width,
        column_width,
        header_height,
        row_heights,
        notes,
    }
}

/// Draws topics across meetings as a heat map: one row per topic (most messages first),
/// one column per meeting, the count (or share) printed in each cell; partial sets have
/// a corner mark and say so in the header and the note.
fn draw_topics<DB: DrawingBackend>(
    series: &TopicSeries,
    shares: bool,
    layout: &TopicsLayout,
    root: &DrawingArea<DB, Shift>,
) -> DrawResult<Vec<Hotspot>, DB> {
    root.fill(&WHITE)?;
    layout.title.draw(root)?;
    draw_column_headers(&series.columns, layout, root)?;
    let cells = Cells::new(series, shares);
    let mut hotspots = Vec::new();
    let mut y = layout.title.height + layout.header_height;
    for ((&t, label), &height) in layout
        .rows
        .iter()
        .zip(&layout.labels)
        .zip(&layout.row_heights)
    {
        let label_top = y + (height - label.len() as i32 * 15) / 2;
        let label_style = style(layout.label_size, HPos::Left, VPos::Top);
        draw_lines(root, label, (EDGE, label_top), 15, &label_style)?;
        for c in 0..series.columns.len() {
            let x = EDGE + layout.label_width + c as i32 * layout.column_width;
            let cell = (x, y, x + layout.column_width - 2, y + height - 2);
            hotspots.push(cells.draw(root, t, c, cell)?);
        }
        y += height;
    }
    layout.notes.draw(root, y)?;
    root.present()?;
    Ok(hotspots)
}

/// Each meeting's header: the year, the place and "partial" (years only, * for partial,
/// when compact).
fn draw_column_headers<DB: DrawingBackend>(
    columns: &[Column],
    layout: &TopicsLayout,
    root: &DrawingArea<DB, Shift>,
) -> DrawResult<(), DB> {
    let top = layout.title.height;
    for (c, column) in columns.iter().enumerate() {
        let x =
            EDGE + layout.label_width + c as i32 * layout.column_width + layout.column_width / 2;
        let (place, year) = place_and_year(column);
        let centre = |size| style(size, HPos::Center, VPos::Top);
        if layout.compact {
            let label = if column.partial {
                format!("{year}*")
            } else {
                year
            };
            root.draw(&Text::new(
                label,
                (x, top + 4),
                bold(MIN_TEXT, HPos::Center, VPos::Top),
            ))?;
            continue;
        }
        root.draw(&Text::new(
            year,
            (x, top + 2),
            bold(13, HPos::Center, VPos::Top),
        ))?;
        root.draw(&Text::new(place, (x, top + 18), centre(MIN_TEXT)))?;
        if column.partial {
            root.draw(&Text::new("partial", (x, top + 33), centre(MIN_TEXT)))?;
        }
    }
    Ok(())
}

/// The heat map's cells: their values, and how one is drawn.
struct Cells<'a> {
    series: &'a TopicSeries,
    shares: bool,
    max: f64,
}

impl<'a> Cells<'a> {
    fn new(series: &'a TopicSeries, shares: bool) -> Cells<'a> {
        let mut cells = Cells {
            series,
            shares,
            max: 0.0,
        };
        cells.max = (0..series.topics.len())
            .flat_map(|t| (0..series.columns.len()).map(move |c| (t, c)))
            .map(|(t, c)| cells.value(t, c))
            .fold(0.0, f64::max);
        cells
    }

    /// A count, or a share in 0..=1.
    fn value(&self, t: usize, c: usize) -> f64 {
        if self.shares {
            self.series.share(t, c).unwrap_or(0.0)
        } else {
            self.series.counts[t][c] as f64
        }
    }

    /// Draws the cell of topic `t` and column `c` in the rectangle (x0, y0, x1, y1):
    /// its colour, its number, and a corner mark for a partial set.
    fn draw<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        t: usize,
        c: usize,
        (x0, y0, x1, y1): (i32, i32, i32, i32),
    ) -> DrawResult<Hotspot, DB> {
        let (series, column) = (self.series, &self.series.columns[c]);
        let value = self.value(t, c);
        let intensity = if self.max > 0.0 {
            value / self.max
        } else {
            0.0
        };
        let area = [(x0, y0), (x1, y1)];
        root.draw(&Rectangle::new(area, heat(intensity).filled()))?;
        if intensity == 0.0 {
            root.draw(&Rectangle::new(
                area,
                RGBColor(0xCC, 0xCC, 0xCC).stroke_width(1),
            ))?;
        }
        if column.partial {
            let corner = vec![(x1 - 10, y0), (x1, y0), (x1, y0 + 10)];
            root.draw(&Polygon::new(corner, RGBColor(0x55, 0x55, 0x55).filled()))?;
        }
        let (shown, amount) = if self.shares {
            let percent = percent_short(value);
            (
                percent.clone(),
                format!("{percent} of {} messages", column.included),
            )
        } else {
            let count = series.counts[t][c];
            (count.to_string(), format!("{count} messages"))
        };
        let ink = if intensity >= 0.73 { WHITE } else { BLACK };
        let centred = font(13)
            .color(&ink)
            .pos(Pos::new(HPos::Center, VPos::Center));
        root.draw(&Text::new(shown, ((x0 + x1) / 2, (y0 + y1) / 2), centred))?;
        Ok(Hotspot {
            x: x0,
            y: y0,
            width: x1 - x0,
            height: y1 - y0,
            label: format!("{}, {}: {amount}", column.name, series.topics[t].1),
            target: explore(&column.id, Some(&series.topics[t].0), None),
        })
    }
}

/// Where everything of the term chart goes.
struct TermsLayout {
    size: (u32, u32),
    compact: bool,
    title: Title,
    /// Legend rows: the terms (by position) on each.
    legend: Vec<Vec<usize>>,
    plot_height: i32,
    notes: Notes,
}

/// The width of a term's entry in the legend: its marker, the term, a gap.
fn legend_width(term: &str) -> i32 {
    30 + (term.chars().count() as f64 * 13.0 * 0.58) as i32 + 18
}

const LEGEND_ROW: i32 = 24;
const X_LABELS: i32 = 44;

fn terms_layout(series: &TermSeries, width: u32) -> TermsLayout {
    let compact = width < COMPACT;
    let years = match (series.columns.first(), series.columns.last()) {
        (Some(first), Some(last)) => i32::from(last.year - first.year) + 1,
        _ => 1,
    };
    let per_year = if compact { 36 } else { 90 };
    let drawn_width = (2 * EDGE + 56 + years * per_year).max(width as i32);
    let title = Title::new(TERM_TITLE, drawn_width as u32);
    let mut legend: Vec<Vec<usize>> = vec![Vec::new()];
    let mut used = 0;
    for (t, term) in series.terms.iter().enumerate() {
        let item = legend_width(term);
        if used > 0 && used + item > drawn_width - 2 * EDGE {
            legend.push(Vec::new());
            used = 0;
        }
        used += item;
        if let Some(row) = legend.last_mut() {
            row.push(t);
        }
    }
    let marks = if compact {
        "Years marked * and hollow marks"
    } else {
        "Hollow marks"
    };
    let notes = Notes::new(
        &[
            partial_note(&series.columns, marks, ", so no line joins them"),
            "Meetings with no message text included are not plotted. Terms match like search: folded and stemmed.".to_string(),
        ],
        drawn_width as u32,
    );
    let plot_height = if compact { 260 } else { 340 };
    let height =
        title.height + legend.len() as i32 * LEGEND_ROW + 6 + plot_height + X_LABELS + notes.height;
    TermsLayout {
        size: (drawn_width as u32, height as u32),
        compact,
        title,
        legend,
        plot_height,
        notes,
    }
}

/// Draws each term's share across the years, a marker shape per term; points of partial
/// sets are hollow and no line runs into or out of them (a line would claim a continuity
/// the data does not have).
fn draw_terms<DB: DrawingBackend>(
    series: &TermSeries,
    layout: &TermsLayout,
    root: &DrawingArea<DB, Shift>,
) -> DrawResult<Vec<Hotspot>, DB> {
    root.fill(&WHITE)?;
    layout.title.draw(root)?;
    draw_legend(series, layout, root)?;
    let plot_top = layout.title.height + layout.legend.len() as i32 * LEGEND_ROW + 6;
    let (_, below_top) = root.split_vertically(plot_top);
    let (plot, _) = below_top.split_vertically(layout.plot_height + X_LABELS);
    let (first, last) = match (series.columns.first(), series.columns.last()) {
        (Some(first), Some(last)) => (f64::from(first.year), f64::from(last.year)),
        _ => (2017.0, 2024.0),
    };
    let max = (0..series.terms.len())
        .flat_map(|t| (0..series.columns.len()).map(move |c| (t, c)))
        .filter_map(|(t, c)| series.share(t, c))
        .fold(0.0, f64::max)
        * 100.0;
    let mut chart = ChartBuilder::on(&plot)
        .margin_left(EDGE as u32)
        .margin_right(EDGE as u32 + 8)
        .margin_top(8)
        .x_label_area_size(X_LABELS as u32)
        .y_label_area_size(if layout.compact { 48 } else { 60 })
        .build_cartesian_2d(
            (first - 0.5)..(last + 0.5),
            0f64..(max * 1.15).clamp(10.0, 100.0),
        )?;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .disable_x_axis()
        .y_desc(if layout.compact {
            "% of messages"
        } else {
            "% of the meeting's messages included"
        })
        .y_label_formatter(&|v| format!("{v:.0}"))
        .label_style(font(13))
        .axis_desc_style(font(13))
        .draw()?;
    for column in &series.columns {
        let at = chart.backend_coord(&(f64::from(column.year), 0.0));
        draw_year_label(column, at, layout.compact, root)?;
    }
    let mut hotspots = Vec::new();
    for t in 0..series.terms.len() {
        hotspots.extend(draw_term(series, t, &mut chart, root)?);
    }
    layout
        .notes
        .draw(root, plot_top + layout.plot_height + X_LABELS)?;
    root.present()?;
    Ok(hotspots)
}

/// The legend: each term's marker and the term, in rows.
fn draw_legend<DB: DrawingBackend>(
    series: &TermSeries,
    layout: &TermsLayout,
    root: &DrawingArea<DB, Shift>,
) -> DrawResult<(), DB> {
    for (row, terms) in layout.legend.iter().enumerate() {
        let y = layout.title.height + row as i32 * LEGEND_ROW + LEGEND_ROW / 2;
        let mut x = EDGE + 8;
        for &t in terms {
            let term = &series.terms[t];
            root.draw(&marker(t, (x, y), true, PALETTE[t % PALETTE.len()]))?;
            root.draw(&Text::new(
                term.clone(),
                (x + 14, y),
                style(13, HPos::Left, VPos::Center),
            ))?;
            x += legend_width(term);
        }
    }
    Ok(())
}

/// A meeting under its place on the x axis: the name and "(partial)", or, compact, the
/// year with * for a partial set.
fn draw_year_label<DB: DrawingBackend>(
    column: &Column,
    (x, y): (i32, i32),
    compact: bool,
    root: &DrawingArea<DB, Shift>,
) -> DrawResult<(), DB> {
    let centre = |size| style(size, HPos::Center, VPos::Top);
    if compact {
        let star = if column.partial { "*" } else { "" };
        let label = format!("{}{star}", column.year);
        return root.draw(&Text::new(
            label,
            (x, y + 8),
            bold(MIN_TEXT, HPos::Center, VPos::Top),
        ));
    }
    root.draw(&Text::new(column.name.clone(), (x, y + 8), centre(13)))?;
    if column.partial {
        root.draw(&Text::new("(partial)", (x, y + 24), centre(MIN_TEXT)))?;
    }
    Ok(())
}

type TermChart<'a, DB> = ChartContext<'a, DB, Cartesian2d<RangedCoordf64, RangedCoordf64>>;

/// One term's points (hollow for partial sets) and the lines between neighbouring
/// complete sets; returns the points' hotspots.
fn draw_term<DB: DrawingBackend>(
    series: &TermSeries,
    t: usize,
    chart: &mut TermChart<'_, DB>,
    root: &DrawingArea<DB, Shift>,
) -> DrawResult<Vec<Hotspot>, DB> {
    let (term, colour) = (&series.terms[t], PALETTE[t % PALETTE.len()]);
    let points: Vec<(f64, f64, &Column, usize)> = series
        .columns
        .iter()
        .enumerate()
        .filter_map(|(c, column)| {
            let share = series.share(t, c)?;
            Some((f64::from(column.year), share * 100.0, column, c))
        })
        .collect();
    for pair in points.windows(2) {
        if !pair[0].2.partial && !pair[1].2.partial {
            let line = vec![(pair[0].0, pair[0].1), (pair[1].0, pair[1].1)];
            chart.draw_series(std::iter::once(PathElement::new(
                line,
                colour.stroke_width(2),
            )))?;
        }
    }
    let mut hotspots = Vec::new();
    for &(x, y, column, c) in &points {
        let (px, py) = chart.backend_coord(&(x, y));
        root.draw(&marker(t, (px, py), !column.partial, colour))?;
        hotspots.push(Hotspot {
            x: px - 10,
            y: py - 10,
            width: 20,
            height: 20,
            label: format!(
                "\"{term}\" in {}: {} of {} messages ({y:.0}%)",
                column.name, series.counts[t][c], column.included
            ),
            target: explore(&column.id, None, Some(term)),
        });
    }
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

/// Why a chart could not be drawn (the page then shows its table alone).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ChartError {
    /// plotters refused to draw; its own words.
    #[error("{0}")]
    Drawing(String),
}

fn to_svg<F>(size: (u32, u32), draw: F) -> Result<Drawn, ChartError>
where
    F: FnOnce(&DrawingArea<SVGBackend<'_>, Shift>) -> Result<Vec<Hotspot>, ChartError>,
{
    let mut svg = String::new();
    let hotspots = {
        let root = SVGBackend::with_string(&mut svg, size).into_drawing_area();
        draw(&root)?
    };
    Ok(Drawn {
        svg,
        size,
        hotspots,
    })
}

/// The topic heat map as SVG, drawn for a figure `width` pixels wide (see
/// [`chart_width`]); wider when its columns need it.
pub fn topics_svg(series: &TopicSeries, shares: bool, width: u32) -> Result<Drawn, ChartError> {
    let layout = topics_layout(series, shares, width);
    to_svg(layout.size, |root| {
        draw_topics(series, shares, &layout, root).map_err(|e| ChartError::Drawing(e.to_string()))
    })
}

/// The term chart as SVG, drawn for a figure `width` pixels wide; wider when its years
/// need it.
pub fn terms_svg(series: &TermSeries, width: u32) -> Result<Drawn, ChartError> {
    let layout = terms_layout(series, width);
    to_svg(layout.size, |root| {
        draw_terms(series, &layout, root).map_err(|e| ChartError::Drawing(e.to_string()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_snap_to_steps_within_bounds() {
        let check = |available: u32, expected: u32| assert_eq!(chart_width(available), expected);
        check(0, NARROW);
        check(366, 360);
        check(959, 940);
        check(2560, WIDE);
    }

    #[test]
    fn wrapping_keeps_words_whole() {
        assert_eq!(
            wrap("Internet governance and cooperation", 14),
            ["Internet", "governance and", "cooperation"]
        );
        assert_eq!(wrap("", 10), [""]);
        assert_eq!(wrap("unbreakablewordhere", 5), ["unbreakablewordhere"]);
    }
}
