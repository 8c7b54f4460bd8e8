use percent_encoding::{utf8_percent_encode, NON_ALPHANUMERIC};
use yew::prelude::*;

use crate::core::chart::Drawn;
use crate::core::url;

/// Props of [`ChartFigure`].
#[derive(Properties, PartialEq)]
pub struct ChartFigureProps {
    /// What the chart counts (its title, also inside the SVG).
    pub title: AttrValue,
    /// The drawn chart.
    pub drawn: Drawn,
    /// The same numbers as CSV.
    pub csv: AttrValue,
    /// File name stem for the downloads.
    pub file: AttrValue,
    /// For tests.
    pub testid: AttrValue,
    /// The data table (the same numbers as the chart).
    pub children: Html,
}

/// A chart: the SVG drawn by plotters shown as an image (so nothing in it can run),
/// links laid over its bars or points, downloads of the SVG and CSV, and the data table.
#[function_component(ChartFigure)]
pub fn chart_figure(props: &ChartFigureProps) -> Html {
    let svg_href = data_url("image/svg+xml", &props.drawn.svg);
    let csv_href = data_url("text/csv", &props.csv);
    let (width, height) = props.drawn.size;
    let view_box = format!("0 0 {width} {height}");
    html! {
        <figure class="chart" data-testid={props.testid.clone()}>
            // Shown at the size it was drawn (text never under 12 px); a chart wider than
            // the page scrolls sideways.
            <div class="chart-scroll"><div class="chart-figure">
                <img src={svg_href.clone()} alt={format!("{}. The same numbers are in the table below.", props.title)}
                    width={width.to_string()} height={height.to_string()} elementtiming="chart" />
                <svg class="chart-links" viewBox={view_box} aria-label={format!("Links from the chart: {}", props.title)} role="group">
                    { for props.drawn.hotspots.iter().map(|h| html! {
                        <a href={url::render(&h.target)} aria-label={h.label.clone()}>
                            <title>{ h.label.clone() }</title>
                            <rect class="hotspot" x={h.x.to_string()} y={h.y.to_string()}
                                width={h.width.to_string()} height={h.height.to_string()} />
                        </a>
                    }) }
                </svg>
            </div></div>
            <figcaption>
                <a href={svg_href} download={format!("{}.svg", props.file)} data-testid="download-svg">{ "Download the chart (SVG)" }</a>
                { " · " }
                <a href={csv_href} download={format!("{}.csv", props.file)} data-testid="download-csv">{ "Download the numbers (CSV)" }</a>
            </figcaption>
            <details class="chart-table" open=true>
                <summary>{ "The numbers" }</summary>
                // Focusable, so that a table wider than a phone scrolls from the keyboard too.
                <div class="table-scroll" tabindex="0" role="region" aria-label={format!("The numbers: {}", props.title)}>
                    { props.children.clone() }
                </div>
            </details>
        </figure>
    }
}

/// A `data:` URL holding `text`, percent-encoded.
pub fn data_url(mime: &str, text: &str) -> String {
    format!(
        "data:{mime};charset=utf-8,{}",
        utf8_percent_encode(text, NON_ALPHANUMERIC)
    )
}
