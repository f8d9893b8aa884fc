#!/usr/bin/env python3
"""Draws the figures of the sample standard 机关事务标准化工作指南.

Pure Python (zlib + struct), no imaging library: boxes, connecting lines,
arrows and a decision diamond on a white canvas, written as 8-bit RGB PNG.
The captions are set by the standard itself, so the images carry no text.

    python3 make_figures.py          # writes the PNGs next to this script

Output:
    structure.png          图1  机关事务标准体系结构（three sub-systems, their groups）
    procedure-new.png      图2 a)  标准制定程序（立项→起草→征求意见→审查→批准发布→实施）
    procedure-revise.png   图2 b)  标准复审与修订程序（复审→判定→继续有效/修订/废止）
"""

import os
import struct
import zlib

WHITE = (255, 255, 255)
INK = (40, 40, 40)
BLUE = (210, 225, 245)      # top level
GREEN = (215, 238, 215)     # sub-systems / ordinary steps
SAND = (248, 236, 205)      # standard groups / decisions
GREY = (150, 150, 150)      # feedback paths


class Canvas:
    def __init__(self, width, height, background=WHITE):
        self.width = width
        self.height = height
        self.rows = [bytearray(bytes(background) * width) for _ in range(height)]

    def pixel(self, x, y, colour):
        if 0 <= x < self.width and 0 <= y < self.height:
            self.rows[y][3 * x:3 * x + 3] = bytes(colour)

    def fill_rect(self, x0, y0, x1, y1, colour):
        x0, x1 = max(0, min(x0, x1)), min(self.width - 1, max(x0, x1))
        y0, y1 = max(0, min(y0, y1)), min(self.height - 1, max(y0, y1))
        run = bytes(colour) * (x1 - x0 + 1)
        for y in range(y0, y1 + 1):
            self.rows[y][3 * x0:3 * (x1 + 1)] = run

    def hline(self, x0, x1, y, colour=INK, width=2):
        self.fill_rect(x0, y - width // 2, x1, y + (width - 1) // 2, colour)

    def vline(self, x, y0, y1, colour=INK, width=2):
        self.fill_rect(x - width // 2, y0, x + (width - 1) // 2, y1, colour)

    def dashed_hline(self, x0, x1, y, colour=GREY, dash=8):
        lo, hi = min(x0, x1), max(x0, x1)
        for x in range(lo, hi + 1, 2 * dash):
            self.hline(x, min(x + dash - 1, hi), y, colour)

    def dashed_vline(self, x, y0, y1, colour=GREY, dash=8):
        lo, hi = min(y0, y1), max(y0, y1)
        for y in range(lo, hi + 1, 2 * dash):
            self.vline(x, y, min(y + dash - 1, hi), colour)

    def box(self, x0, y0, x1, y1, fill, border=INK, width=2):
        self.fill_rect(x0, y0, x1, y1, border)
        self.fill_rect(x0 + width, y0 + width, x1 - width, y1 - width, fill)

    def polygon(self, points, colour):
        """Scan-line fill of a convex polygon."""
        ys = [p[1] for p in points]
        for y in range(min(ys), max(ys) + 1):
            xs = []
            n = len(points)
            for i in range(n):
                (xa, ya), (xb, yb) = points[i], points[(i + 1) % n]
                if ya == yb:
                    continue
                if min(ya, yb) <= y <= max(ya, yb):
                    xs.append(xa + (y - ya) * (xb - xa) / (yb - ya))
            if xs:
                self.fill_rect(int(round(min(xs))), y, int(round(max(xs))), y, colour)

    def diamond(self, cx, cy, half_w, half_h, fill, border=INK, width=2):
        self.polygon([(cx, cy - half_h), (cx + half_w, cy), (cx, cy + half_h), (cx - half_w, cy)], border)
        k = width * 2
        self.polygon([(cx, cy - half_h + k), (cx + half_w - k, cy), (cx, cy + half_h - k), (cx - half_w + k, cy)], fill)

    def arrow_down(self, x, y0, y1, colour=INK):
        """A vertical line from y0 to y1 ending in an arrow head at y1."""
        self.vline(x, y0, y1 - 8, colour)
        self.polygon([(x - 7, y1 - 12), (x + 7, y1 - 12), (x, y1)], colour)

    def arrow_left(self, x0, x1, y, colour=INK):
        """A horizontal line from x0 to x1 (x1 < x0) ending in an arrow head at x1."""
        self.hline(x1 + 8, x0, y, colour)
        self.polygon([(x1 + 12, y - 7), (x1 + 12, y + 7), (x1, y)], colour)

    def arrow_right(self, x0, x1, y, colour=INK):
        self.hline(x0, x1 - 8, y, colour)
        self.polygon([(x1 - 12, y - 7), (x1 - 12, y + 7), (x1, y)], colour)

    def png(self):
        raw = b"".join(b"\x00" + bytes(row) for row in self.rows)

        def chunk(kind, data):
            body = kind + data
            return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

        header = struct.pack(">IIBBBBB", self.width, self.height, 8, 2, 0, 0, 0)
        return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
                + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def structure():
    """图1: the standard system — one root, three sub-systems, their groups."""
    c = Canvas(960, 560)
    # Root: 机关事务标准体系
    c.box(360, 30, 600, 90, BLUE)
    c.vline(480, 90, 130)
    # Sub-systems: 基础通用 / 保障服务 / 管理监督, with the number of groups under each
    centres = [160, 480, 800]
    groups = [3, 6, 3]
    c.hline(160, 800, 130)
    for cx, n in zip(centres, groups):
        c.arrow_down(cx, 130, 170)
        c.box(cx - 110, 170, cx + 110, 230, GREEN)
        c.vline(cx, 230, 270)
        # groups: small boxes in one row under the sub-system, joined by a bus line
        width, gap = (56, 12) if n > 3 else (60, 20)
        total = n * width + (n - 1) * gap
        left = cx - total // 2
        xs = [left + i * (width + gap) + width // 2 for i in range(n)]
        c.hline(xs[0], xs[-1], 270)
        for x in xs:
            c.arrow_down(x, 270, 300)
            c.box(x - width // 2, 300, x + width // 2, 420, SAND)
            # the standards of a group: short rules inside the box
            for k in range(4):
                y = 325 + 22 * k
                c.hline(x - width // 2 + 10, x + width // 2 - 10, y, GREY, 3)
    # The 标准明细表 and 标准统计表 that document the system: a band at the bottom
    c.dashed_hline(60, 900, 460)
    c.box(250, 480, 450, 530, WHITE)
    c.box(510, 480, 710, 530, WHITE)
    for x0 in (250, 510):
        for k in range(3):
            c.hline(x0 + 15, x0 + 185, 494 + 12 * k, GREY, 2)
    return c


def procedure_new():
    """图2 a): 立项 → 起草 → 征求意见 → 审查 → 批准发布 → 实施, with a loop back from 审查."""
    c = Canvas(420, 760)
    cx, w, h, step = 210, 150, 56, 120
    tops = [30 + i * step for i in range(6)]
    fills = [BLUE, GREEN, GREEN, SAND, GREEN, BLUE]
    for i, top in enumerate(tops):
        if fills[i] is SAND:
            c.diamond(cx, top + h // 2, w // 2 + 20, h // 2 + 12, SAND)
        else:
            c.box(cx - w // 2, top, cx + w // 2, top + h, fills[i])
        if i + 1 < len(tops):
            bottom = top + h + (12 if fills[i] is SAND else 0)
            next_top = tops[i + 1] - (12 if fills[i + 1] is SAND else 0)
            c.arrow_down(cx, bottom, next_top)
    # 审查未通过: back to 起草 on the right-hand side
    review_y = tops[3] + h // 2
    draft_y = tops[1] + h // 2
    right = cx + w // 2 + 70
    c.dashed_hline(cx + w // 2 + 20, right, review_y)
    c.dashed_vline(right, draft_y, review_y)
    c.arrow_left(right, cx + w // 2, draft_y, GREY)
    # 意见处理: from 征求意见 back to 起草 on the left-hand side
    left = cx - w // 2 - 60
    c.dashed_hline(left, cx - w // 2, tops[2] + h // 2)
    c.dashed_vline(left, draft_y + 10, tops[2] + h // 2)
    c.arrow_right(left, cx - w // 2, draft_y + 10, GREY)
    return c


def procedure_revise():
    """图2 b): 复审 → 判定 → 继续有效 / 修订 / 废止; 修订 re-enters the 制定程序."""
    c = Canvas(620, 640)
    cx = 310
    c.box(cx - 90, 30, cx + 90, 90, BLUE)           # 定期复审
    c.arrow_down(cx, 90, 140)
    c.box(cx - 90, 140, cx + 90, 200, GREEN)        # 实施信息分析
    c.arrow_down(cx, 200, 250)
    c.diamond(cx, 320, 120, 70, SAND)               # 复审结论
    # three outcomes
    c.hline(100, 520, 430)
    c.vline(cx, 390, 430)
    outcomes = [100, 310, 520]
    for x in outcomes:
        c.arrow_down(x, 430, 480)
    c.box(30, 480, 170, 540, GREEN)                 # 继续有效
    c.box(240, 480, 380, 540, SAND)                 # 修订
    c.box(450, 480, 590, 540, GREY)                 # 废止
    c.fill_rect(454, 484, 586, 536, (225, 225, 225))
    # 修订 goes back into the procedure of 图2 a)
    c.arrow_down(310, 540, 600)
    c.box(250, 600, 370, 630, BLUE)
    # 继续有效: re-enters the next review cycle (dashed, along the left edge)
    c.dashed_hline(12, 30, 510)
    c.dashed_vline(12, 60, 510)
    c.dashed_hline(12, cx - 110, 60)
    c.arrow_right(cx - 110, cx - 90, 60, GREY)
    return c


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    for name, draw in (("structure.png", structure), ("procedure-new.png", procedure_new),
                       ("procedure-revise.png", procedure_revise)):
        data = draw().png()
        with open(os.path.join(here, name), "wb") as f:
            f.write(data)
        print(f"{name}: {len(data)} bytes")


if __name__ == "__main__":
    main()
