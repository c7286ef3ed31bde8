package org.edgesim.report.plot;

import java.awt.Font;

/**
 * A figure's size and type sizes: {@code screen} (800 x 560 pixels, for a look), {@code column}
 * (3.5 x 2.5 inches, one column of a two-column paper, at 8-9 pt; its PNG at 288 dpi) or
 * {@code double-column} (7.16 x 3 inches, across both columns, at 9-10 pt; PNG at 288 dpi).
 *
 * @param width    in pixels, or points for SVG and PDF
 * @param height   likewise
 * @param pngScale the PNG's pixels per unit
 * @param title    title font
 * @param label    axis label font
 * @param ticks    tick label and legend font
 * @param stroke   line width
 * @param marker   marker scale
 */
record Layout(int width, int height, double pngScale, Font title, Font label, Font ticks, float stroke, double marker) {
    static final Layout SCREEN = new Layout(800, 560, 1, font(Font.BOLD, 16), font(Font.PLAIN, 15), font(Font.PLAIN, 13),
            2.0f, 1.0);
    static final Layout COLUMN = new Layout(252, 180, 4, font(Font.BOLD, 9), font(Font.PLAIN, 9),
            font(Font.PLAIN, 8), 1.0f, 0.6);

    static final Layout DOUBLE_COLUMN = new Layout(516, 216, 4, font(Font.BOLD, 10), font(Font.PLAIN, 10),
            font(Font.PLAIN, 9), 1.2f, 0.75);

    static Layout of(String name) {
        return switch (name) {
            case org.edgesim.scenario.FigureSpec.COLUMN -> COLUMN;
            case org.edgesim.scenario.FigureSpec.DOUBLE_COLUMN -> DOUBLE_COLUMN;
            default -> SCREEN;
        };
    }

    private static Font font(int style, int size) {
        return FigureFonts.of(style, size);
    }
}
