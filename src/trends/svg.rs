//! The SVG chart of a [`Trends`]: one line per series, drawn with `plotters`.

use plotters::prelude::*;

use super::Trends;
use crate::{Error, Result};

/// The colours of the series, in order (the page uses the same ones).
pub const PALETTE: [(u8, u8, u8); 10] = [
    (0x1f, 0x77, 0xb4),
    (0xd6, 0x27, 0x28),
    (0x2c, 0xa0, 0x2c),
    (0xff, 0x7f, 0x0e),
    (0x94, 0x67, 0xbd),
    (0x8c, 0x56, 0x4b),
    (0xe3, 0x77, 0xc2),
    (0x7f, 0x7f, 0x7f),
    (0xbc, 0xbd, 0x22),
    (0x17, 0xbe, 0xcf),
];

fn chart_error(e: impl std::fmt::Display) -> Error {
    Error::InvalidRequest(format!("cannot draw the chart: {e}"))
}

/// Draws `t` as an SVG document of `width` × `height` pixels.
pub(super) fn render(t: &Trends, width: u32, height: u32) -> Result<String> {
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, (width, height)).into_drawing_area();
        root.fill(&WHITE).map_err(chart_error)?;
        let (first, last) = match (t.years.first(), t.years.last()) {
            (Some(&a), Some(&b)) => (a, b.max(a + 1)),
            _ => (2000, 2001),
        };
        let top = t.max_count().max(1);
        let caption = if t.query.trim().is_empty() {
            format!("Artikel per tahun, per {}", label(t.by))
        } else {
            format!(
                "Artikel per tahun, per {}: \u{201c}{}\u{201d}",
                label(t.by),
                t.query
            )
        };
        let mut chart = ChartBuilder::on(&root)
            .caption(caption, ("sans-serif", 20))
            .margin(12)
            .x_label_area_size(36)
            .y_label_area_size(48)
            .build_cartesian_2d(first..last, 0u64..top + top / 10 + 1)
            .map_err(chart_error)?;
        let years = (last - first + 1) as usize;
        chart
            .configure_mesh()
            .x_labels(years.min(16))
            .x_label_formatter(&|y| y.to_string())
            .y_desc("artikel")
            .y_max_light_lines(1)
            .disable_x_mesh()
            .draw()
            .map_err(chart_error)?;
        for (i, s) in t.series.iter().enumerate() {
            let (r, g, b) = PALETTE[i % PALETTE.len()];
            let colour = RGBColor(r, g, b);
            let points: Vec<(i32, u64)> = t
                .years
                .iter()
                .copied()
                .zip(s.counts.iter().copied())
                .collect();
            chart
                .draw_series(LineSeries::new(points.clone(), colour.stroke_width(2)))
                .map_err(chart_error)?
                .label(format!("{} ({})", s.name, s.total))
                .legend(move |(x, y)| {
                    PathElement::new(vec![(x, y), (x + 16, y)], colour.stroke_width(3))
                });
            chart
                .draw_series(
                    points
                        .into_iter()
                        .map(|p| Circle::new(p, 3, colour.filled())),
                )
                .map_err(chart_error)?;
        }
        chart
            .configure_series_labels()
            .position(SeriesLabelPosition::UpperLeft)
            .background_style(WHITE.mix(0.85))
            .border_style(BLACK.mix(0.3))
            .draw()
            .map_err(chart_error)?;
        root.present().map_err(chart_error)?;
    }
    Ok(out)
}

fn label(by: super::TrendBy) -> &'static str {
    match by {
        super::TrendBy::Country => "negara mitra",
        super::TrendBy::Org => "organisasi",
        super::TrendBy::Source => "sumber",
    }
}
