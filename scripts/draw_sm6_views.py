# ruff: noqa: E501 - SVG path data and colour stops read best on one line
"""Draws the SM6 base artwork's three-quarter views (resources/art/sm6_front34.svg, sm6_rear34.svg) and their masks.

The side view (sm6_side.svg) is drawn by hand; the three-quarter views are made from it, so all three are the same
car: the side view's outline gives a 3D body (a stack of horizontal rounded-rectangle slices: the front and rear
profiles set each slice's length, a width table its tumblehome), which is projected in perspective and shaded like
metallic paint (each facet's colour comes from where its reflection points: sky, horizon or ground). The facets are
not written out one by one (13,000 of them made a 630 KB file that took twice as long to rasterise): they are painted
into a raster, smoothed, and written as ~48 stacked luminance levels, softened with a blur inside the body's traced
outline. The side view's own details (door gaps, handles, shoulder crease, window outline and pillars, lamps) are laid
onto the near flank, fading out before the corner; grille, lamps, plate and badges are drawn on the front or rear
face. The body outline, arch openings, tyres and mirror are written to the mask as the very same path data, so the
mask lines up with the art.

    .venv/bin/python scripts/draw_sm6_views.py            # rewrites both views in resources/art
    .venv/bin/python scripts/draw_sm6_views.py front34    # one view
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw
from scipy.ndimage import distance_transform_edt, gaussian_filter, gaussian_filter1d
from scipy.spatial import ConvexHull
from skimage.measure import approximate_polygon, find_contours

ART = Path(__file__).resolve().parent.parent / "resources" / "art"

PX = 185.0  # side-view pixels per metre
GROUND = 528.0


def m(xs, ys):  # side-view svg coords -> (x metres from centre, z metres)
    return ((xs - 66) / PX - 2.425, (GROUND - ys) / PX)


FRONT = [
    m(*p)
    for p in [
        (932, 499),
        (948, 494),
        (959, 480),
        (963, 464),
        (964, 446),
        (961, 426),
        (957, 411),
        (948, 398),
        (918, 387),
        (840, 374),
        (735, 356),
        (660, 345),
        (636, 331),
        (612, 318),
        (590, 303),
        (568, 291),
        (548, 281),
        (530, 273),
        (502, 263),
        (470, 257),
        (432, 254.5),
    ]
]
REAR = [
    m(*p)
    for p in [
        (112, 499),
        (88, 494),
        (76, 482),
        (69, 458),
        (66, 430),
        (66, 404),
        (68, 372),
        (70, 352),
        (72, 344),
        (76, 338),
        (84, 335),
        (120, 334),
        (160, 333),
        (180, 331),
        (196, 322),
        (222, 306),
        (250, 292),
        (280, 280),
        (310, 270),
        (340, 264),
        (372, 260),
        (400, 257),
        (432, 254.5),
    ]
]


def _profile_x(profile, z):
    xs = np.array([p[0] for p in profile])
    zs = np.array([p[1] for p in profile])
    return np.interp(z, zs, xs)


Z_BOT = FRONT[0][1]
Z_TOP = FRONT[-1][1]


def half_width(z):
    zs = [Z_BOT, 0.26, 0.45, 0.70, 0.82, 0.92, 0.99, 1.05, 1.2, 1.35, 1.43, 1.465, Z_TOP]
    ws = [0.84, 0.915, 0.93, 0.935, 0.93, 0.905, 0.87, 0.82, 0.79, 0.75, 0.70, 0.62, 0.45]
    return float(np.interp(z, zs, ws))


def corner_r(z, w, length):
    r = float(np.interp(z, [Z_BOT, 0.5, 0.9, 1.0, 1.3, Z_TOP], [0.34, 0.40, 0.40, 0.34, 0.32, 0.30]))
    return min(r, w * 0.98, length * 0.45)


def front_bow(z):  # how much the front/rear outline curves back at its ends, in plan
    return float(np.interp(z, [Z_BOT, 0.74, 0.9, 1.0, 1.36, Z_TOP], [0.10, 0.12, 0.18, 0.2, 0.16, 0.08]))


NF, NC, NS = 18, 12, 36  # points: half front, corner arc, side (fine: shading is smoothed, not written per facet)


def slice_outline(z):
    """Closed outline, counter-clockwise seen from above, starting at front centre, going to +y side first."""
    xf = _profile_x(FRONT, z)
    xr = _profile_x(REAR, z)
    w = half_width(z)
    length = xf - xr
    r = corner_r(z, w, length)
    bow = min(front_bow(z), 0.45 * r + 0.08, max(0.0, length / 2 - r - 0.01))
    pts = []

    def arc(cx, cy, a0, a1, n):
        for a in np.linspace(a0, a1, n, endpoint=False):
            pts.append((cx + r * np.cos(a), cy + r * np.sin(a)))

    yin = w - r
    # front half (centre -> +y), bowed back
    for t in np.linspace(0, 1, NF, endpoint=False):
        y = t * yin
        pts.append((xf - bow * t * t, y))
    arc(xf - bow - r, yin, 0.0, np.pi / 2, NC)  # front-left corner
    # the corner centre is bow behind xf - r; the arc starts at (xf - bow, yin)
    for t in np.linspace(0, 1, NS, endpoint=False):
        x = (xf - bow - r) + t * ((xr + bow + r) - (xf - bow - r))
        pts.append((x, w))
    arc(xr + bow + r, yin, np.pi / 2, np.pi, NC)
    for t in np.linspace(1, -1, 2 * NF, endpoint=False):
        y = t * yin
        pts.append((xr + bow * t * t, y))
    arc(xr + bow + r, -yin, np.pi, 1.5 * np.pi, NC)
    for t in np.linspace(0, 1, NS, endpoint=False):
        x = (xr + bow + r) + t * ((xf - bow - r) - (xr + bow + r))
        pts.append((x, -w))
    arc(xf - bow - r, -yin, 1.5 * np.pi, 2 * np.pi, NC)
    for t in np.linspace(-1, 0, NF, endpoint=False):
        y = t * yin
        pts.append((xf - bow * t * t, y))
    return np.array(pts)


def z_levels(step=0.035):
    """Slice heights: dense where the front or rear profile runs flat (bonnet, roof, deck)."""
    zs = set()
    for prof in (FRONT, REAR):
        p = np.array(prof)
        seg = np.hypot(np.diff(p[:, 0]), np.diff(p[:, 1]))
        s = np.concatenate([[0], np.cumsum(seg)])
        for t in np.arange(0, s[-1], step):
            zs.add(round(float(np.interp(t, s, p[:, 1])), 4))
    zs.add(round(Z_TOP, 4))
    zs.add(round(Z_BOT, 4))
    zs = sorted(zs)
    out = [zs[0]]
    for z in zs[1:]:
        if z - out[-1] > 0.003:
            out.append(z)
    return out


def body_mesh():
    zs = z_levels()
    rings = [np.column_stack([slice_outline(z), np.full(len(slice_outline(z)), z)]) for z in zs]
    return zs, np.array(rings)  # (nz, n, 3)


class Camera:
    def __init__(self, pos, target, focal=1.0):
        self.pos = np.array(pos, float)
        f = np.array(target, float) - self.pos
        self.f = f / np.linalg.norm(f)
        r = np.cross(self.f, [0, 0, 1.0])
        self.r = r / np.linalg.norm(r)
        self.u = np.cross(self.r, self.f)
        self.focal = focal
        self.scale = 1.0
        self.off = np.zeros(2)

    def raw(self, p):
        d = np.asarray(p, float) - self.pos
        depth = d @ self.f
        return np.stack([(d @ self.r) / depth, -(d @ self.u) / depth], -1) * self.focal, depth

    def proj(self, p):
        xy, _ = self.raw(p)
        return xy * self.scale + self.off

    def depth(self, p):
        return (np.asarray(p, float) - self.pos) @ self.f

    def fit(self, pts, box):
        xy, _ = self.raw(pts)
        lo, hi = xy.min(0), xy.max(0)
        (x0, y0, x1, y1) = box
        s = min((x1 - x0) / (hi[0] - lo[0]), (y1 - y0) / (hi[1] - lo[1]))
        self.scale = s
        self.off = np.array([(x0 + x1) / 2, (y0 + y1) / 2]) - (lo + hi) / 2 * s


def hexc(c):
    c = np.clip(np.round(c), 0, 255).astype(int)
    return "#%02x%02x%02x" % tuple(c)


def ramp(t, stops):
    ts = [s[0] for s in stops]
    cols = np.array([[int(s[1][i : i + 2], 16) for i in (1, 3, 5)] for s in stops], float)
    return np.array([np.interp(t, ts, cols[:, k]) for k in range(3)])


PAINT = [
    (-1.0, "#22262b"),
    (-0.55, "#3a4149"),
    (-0.3, "#525b66"),
    (-0.12, "#6b7683"),
    (0.02, "#98a2ae"),
    (0.16, "#b6bfc9"),
    (0.35, "#a9b3bf"),
    (0.7, "#b8c1cb"),
    (1.0, "#d3dae1"),
]


def sample(d, n_per=12):
    """Points along an SVG path made of M/L/C commands (absolute)."""
    toks = re.findall(r"[MLCZ]|-?\d*\.?\d+", d)
    pts, cur, i, cmd = [], None, 0, None
    while i < len(toks):
        t = toks[i]
        if t in "MLCZ":
            cmd = t
            i += 1
            if t == "Z":
                pts.append(pts[0])
                continue
        if cmd in ("M", "L"):
            cur = (float(toks[i]), float(toks[i + 1]))
            i += 2
            pts.append(cur)
        elif cmd == "C":
            p1 = (float(toks[i]), float(toks[i + 1]))
            p2 = (float(toks[i + 2]), float(toks[i + 3]))
            p3 = (float(toks[i + 4]), float(toks[i + 5]))
            i += 6
            for s in np.linspace(0, 1, n_per + 1)[1:]:
                a = (
                    np.array(cur) * (1 - s) ** 3
                    + 3 * np.array(p1) * s * (1 - s) ** 2
                    + 3 * np.array(p2) * s * s * (1 - s)
                    + np.array(p3) * s**3
                )
                pts.append(tuple(a))
            cur = p3
    return np.array(pts)


def num(v: float) -> str:
    """A coordinate with one decimal, without a trailing .0: the art is blurred, finer digits only add bytes."""
    text = f"{v:.1f}"
    return text[:-2] if text.endswith(".0") else text


def paint_levels(body, cam, scale=2, levels=48, tolerance=0.9):
    """The shaded facets as a few dozen stacked paths instead of thousands of polygons.

    The facets are painted (far to near) into a raster, smoothed inside the body so flat-shaded facets stop showing
    as blotches, and cut into luminance levels; level k is drawn as the region whose level is at least k, so each
    path sits on the ones below it and no seam can open between neighbours. Returns [(path data, colour)].
    """
    w, h = 1024 * scale, 640 * scale
    im = Image.new("RGB", (w, h), 0)
    cov = Image.new("L", (w, h), 0)
    dr, dc = ImageDraw.Draw(im), ImageDraw.Draw(cov)
    for _d, p, col in body:
        pts = [(x * scale, y * scale) for x, y in p]
        dr.polygon(pts, fill=col, outline=col)
        dc.polygon(pts, fill=255, outline=255)
    rgb = np.asarray(im, np.float32)
    inside = np.asarray(cov) > 127
    sigma = 1.6 * scale
    weight = gaussian_filter(inside.astype(np.float32), sigma)
    smooth = np.stack([gaussian_filter(rgb[..., k] * inside, sigma) for k in range(3)], -1)
    smooth /= np.maximum(weight, 1e-6)[..., None]
    # outside the body take the nearest inside value, so level outlines do not trace the silhouette (it is clipped)
    idx = distance_transform_edt(~inside, return_distances=False, return_indices=True)
    smooth = smooth[idx[0], idx[1]]
    lum = smooth @ np.array([0.3, 0.59, 0.11], np.float32)
    lo, hi = float(lum[inside].min()), float(lum[inside].max())
    lev = np.clip(((lum - lo) / (hi - lo + 1e-6) * levels).astype(int), 0, levels - 1)
    out = []
    for k in range(levels):
        sel = (lev == k) & inside
        if sel.any():
            colour = hexc(smooth[sel].mean(0))
        elif out:
            colour = out[-1][1]
        else:
            continue
        region = lev >= k
        if k == 0:
            region = np.ones_like(region)
        parts = []
        for cnt in find_contours(np.pad(region, 1).astype(np.float32), 0.5):
            cnt = approximate_polygon(cnt, tolerance=tolerance)
            if len(cnt) < 4:
                continue
            parts.append(
                "M" + "L".join(f"{num((x - 1 + 0.5) / scale)},{num((y - 1 + 0.5) / scale)}" for y, x in cnt) + "Z"
            )
        if parts:
            out.append(("".join(parts), colour))
    return out


def draw(VIEW: str, out_dir: Path = ART) -> None:
    FRONTV = VIEW == "front34"
    AX_F, AX_R = 1.435, -1.366
    TRACK = 0.77
    TYRE_W = 0.215
    RW = 0.389
    ARCH = 0.445
    CAM = dict(front34=((8.6, -7.8, 1.2), (0.15, 0, 0.6)), rear34=((-8.6, -7.8, 1.25), (-0.15, 0, 0.6)))[VIEW]
    cam = Camera(pos=CAM[0], target=CAM[1], focal=3.0)
    SIDE = -1  # the near flank: the car's right (-y)

    zs, rings = body_mesh()
    nz, n, _ = rings.shape
    fn = np.zeros((nz, n, 3))
    for i in range(nz - 1):
        for j in range(n):
            a, b = rings[i, j], rings[i, (j + 1) % n]
            c, d = rings[i + 1, (j + 1) % n], rings[i + 1, j]
            nr = np.cross(c - a, d - b)
            size = np.linalg.norm(nr)
            if size > 1e-12:
                for ii, jj in ((i, j), (i, (j + 1) % n), (i + 1, (j + 1) % n), (i + 1, j)):
                    fn[ii, jj] += nr / size
    fn[-1] += np.array([0, 0, 1.0])
    vn = fn / np.maximum(np.linalg.norm(fn, axis=2, keepdims=True), 1e-9)
    # the profiles are polylines, so neighbouring slices turn in steps: smoothing the normals over a few slices keeps
    # those steps from showing as bands and blotches (most visibly on the rear face)
    vn = gaussian_filter1d(gaussian_filter1d(vn, 2.0, axis=0, mode="nearest"), 1.5, axis=1, mode="wrap")
    vn /= np.maximum(np.linalg.norm(vn, axis=2, keepdims=True), 1e-9)

    wheel_pts = [
        (ax + RW * np.cos(a), side * yy, RW + RW * np.sin(a))
        for ax in (AX_F, AX_R)
        for side in (-1, 1)
        for a in np.linspace(0, 2 * np.pi, 24)
        for yy in (TRACK - TYRE_W / 2, TRACK + TYRE_W / 2)
    ]
    cam.fit(np.concatenate([rings.reshape(-1, 3), np.array(wheel_pts)]), (128, 150, 896, 500))

    def fmt(pts):
        return " ".join(f"{num(p[0])},{num(p[1])}" for p in pts)

    def pathd(pts, close=True):
        return "M" + "L".join(f"{num(p[0])},{num(p[1])}" for p in pts) + ("Z" if close else "")

    def poly(pts, fill, seam=True, extra=""):
        s = f' stroke="{fill}" stroke-width="0.8" stroke-linejoin="round"' if seam else ""
        return f'<polygon points="{fmt(pts)}" fill="{fill}"{s}{extra}/>'

    # ---------- surface points ----------
    def side_point(x, z, out=0.004):
        o = slice_outline(z)
        near = o[o[:, 1] * SIDE > 0.02]
        near = near[np.argsort(near[:, 0])]
        y = np.interp(x, near[:, 0], near[:, 1])
        return np.array([x, y + SIDE * out, z])

    def face_point(y, z, rear, out=0.004):
        o = slice_outline(z)
        half = o[o[:, 0] < np.median(o[:, 0])] if rear else o[o[:, 0] > np.median(o[:, 0])]
        half = half[np.argsort(half[:, 1])]
        x = np.interp(y, half[:, 1], half[:, 0])
        return np.array([x - out if rear else x + out, y, z])

    def from_side_art(d, n_per=12):
        """A path of the side-view artwork (its own coordinates) laid onto the near flank."""
        pts = sample(d, n_per)
        return cam.proj(np.array([side_point(*m(px, py)) for px, py in pts]))

    # ---------- body ----------
    def shade(c, nrm):
        v = c - cam.pos
        v /= np.linalg.norm(v)
        rz = float((v - 2 * (v @ nrm) * nrm)[2])
        light = np.array([0.3, -0.4, 0.85])
        light /= np.linalg.norm(light)
        return ramp(rz, PAINT) * (0.93 + 0.07 * max(0.0, float(nrm @ light)))

    body, near_arch_quads, other_quads, flank_quads = [], [], [], []
    for i in range(nz - 1):
        for j in range(n):
            j2 = (j + 1) % n
            q = np.array([rings[i, j], rings[i, j2], rings[i + 1, j2], rings[i + 1, j]])
            c = q.mean(0)
            nr = np.cross(q[2] - q[0], q[3] - q[1])
            size = np.linalg.norm(nr)
            if size < 1e-12:
                continue
            nr /= size
            if nr @ (c - cam.pos) >= 0:
                continue
            vnm = vn[i, j] + vn[i, j2] + vn[i + 1, j2] + vn[i + 1, j]
            vnm /= np.linalg.norm(vnm)
            p = cam.proj(q)
            body.append((cam.depth(c), p, hexc(shade(c, vnm))))
            near = c[1] * SIDE > 0.45 and any(
                (c[0] - ax) ** 2 + (c[2] - RW) ** 2 < (ARCH + 0.3) ** 2 for ax in (AX_F, AX_R)
            )
            (near_arch_quads if near else other_quads).append(p)
            if nr[1] * SIDE > 0.65:
                flank_quads.append(p)
    top = rings[-1]
    body.append((cam.depth(top.mean(0)) + 0.3, cam.proj(top), hexc(shade(top.mean(0), np.array([0, 0, 1.0])))))
    other_quads.append(cam.proj(top))
    body.sort(key=lambda it: -it[0])

    # arch openings on the near flank
    arches = []
    for ax in (AX_F, AX_R):
        a0 = np.arcsin((Z_BOT - 0.005 - RW) / ARCH)
        arc = np.linspace(a0, np.pi - a0, 48)
        arches.append(
            cam.proj(np.array([side_point(ax + ARCH * np.cos(a), RW + ARCH * np.sin(a), out=0.0) for a in arc]))
        )

    # the body's silhouette: traced from a 4× raster of its quads, the arch openings cut from the near flank
    S = 4

    def raster(polys):
        im = Image.new("L", (1024 * S, 640 * S), 0)
        dr = ImageDraw.Draw(im)
        for p in polys:
            dr.polygon([(x * S, y * S) for x, y in p], fill=255)
        return np.asarray(im) > 127

    near_r = raster(near_arch_quads) & ~raster(arches)
    sil = near_r | raster(other_quads)

    def trace(mask_arr):
        paths = []
        for cnt in find_contours(np.pad(mask_arr, 1).astype(float), 0.5):
            cnt = approximate_polygon(cnt, tolerance=0.7)
            if len(cnt) < 4:
                continue
            paths.append(pathd([((x - 1 + 0.5) / S, (y - 1 + 0.5) / S) for y, x in cnt]))
        return " ".join(paths)

    SIL = trace(sil)
    # where the body faces sideways: the side view's bands and creases end there rather than run on round the corner
    # (side_point clamps past the car's ends, which smeared them across the rear or front face)
    FLANK = trace(raster(flank_quads))
    PAINT_D = paint_levels(body, cam)

    # ---------- wheels ----------
    def circ(ax, yy, r, n=48):
        return np.array(
            [(ax + r * np.cos(a), yy, RW + r * np.sin(a)) for a in np.linspace(0, 2 * np.pi, n, endpoint=False)]
        )

    def wheel(ax, side):
        near = side == SIDE
        outer = circ(ax, side * (TRACK + TYRE_W / 2), RW)
        inner = circ(ax, side * (TRACK - TYRE_W / 2), RW)
        pts = cam.proj(np.concatenate([outer, inner]))
        hull = pts[ConvexHull(pts).vertices]
        face = side * (TRACK + TYRE_W / 2) if near else side * (TRACK - TYRE_W / 2)
        out = [
            f'<path d="{pathd(hull)}" fill="#15171a"/>',
            poly(cam.proj(circ(ax, face, RW * 0.97)), "#1d1f23", seam=False),
        ]
        if near:

            def f(k):
                return face - k * side

            out.append(
                f'<polygon points="{fmt(cam.proj(circ(ax, face, RW * 0.92)))}" fill="none" stroke="#2c3035" stroke-width="1"/>'
            )
            out.append(
                poly(
                    cam.proj(circ(ax, f(0.004), RW * 0.74)),
                    "url(#rimLip)",
                    seam=False,
                    extra=' stroke="#4d535a" stroke-width="0.8"',
                )
            )
            out.append(poly(cam.proj(circ(ax, f(0.002), RW * 0.68)), "#2a2e33", seam=False))
            out.append(poly(cam.proj(circ(ax, f(-0.03), RW * 0.5)), "#5d6268", seam=False))
            for k in range(10):
                a = 2 * np.pi * k / 10 + 0.15
                for sgn in (-1, 1):
                    spoke = [
                        (ax + RW * rad * np.cos(a + sgn * off), f(0.006), RW + RW * rad * np.sin(a + sgn * off))
                        for rad, off in [(0.17, 0.035), (0.67, 0.05), (0.69, 0.006), (0.17, 0.004)]
                    ]
                    out.append(
                        poly(
                            cam.proj(np.array(spoke)),
                            "#e4e8ec" if sgn > 0 else "#a0a7af",
                            seam=False,
                            extra=' stroke="#5d636a" stroke-width="0.35"',
                        )
                    )
            out.append(
                poly(
                    cam.proj(circ(ax, f(0.01), RW * 0.17, 24)),
                    "url(#hub)",
                    seam=False,
                    extra=' stroke="#5a6068" stroke-width="0.6"',
                )
            )
            out.append(poly(cam.proj(circ(ax, f(0.012), RW * 0.07, 16)), "#22252a", seam=False))
            out.append(
                poly(
                    cam.proj(
                        np.array(
                            [
                                (ax, f(0.014), RW + 0.012),
                                (ax + 0.008, f(0.014), RW),
                                (ax, f(0.014), RW - 0.012),
                                (ax - 0.008, f(0.014), RW),
                            ]
                        )
                    ),
                    "none",
                    seam=False,
                    extra=' stroke="#c9ced4" stroke-width="0.8"',
                )
            )
        return out, hull

    def well(ax):
        arc = [a for a in np.linspace(0, 2 * np.pi, 64) if RW + ARCH * np.sin(a) > Z_BOT - 0.05]
        pts = cam.proj(
            np.concatenate(
                [
                    np.array([(ax + ARCH * np.cos(a), SIDE * yy, RW + ARCH * np.sin(a)) for a in arc])
                    for yy in (0.97, 0.6)
                ]
            )
        )
        return pts[ConvexHull(pts).vertices]

    def lip(ax, depth=0.09):
        """The arch's turned-in edge, a band of body metal: seen at an angle it fills the opening's far side, which
        the dark well alone made read as a hole in the wing."""
        a0 = np.arcsin((Z_BOT - 0.005 - RW) / ARCH)
        arc = np.linspace(a0, np.pi - a0, 48)
        rim = [side_point(ax + ARCH * np.cos(a), RW + ARCH * np.sin(a), out=0.0) for a in arc]
        inner = [p - np.array([0, SIDE * depth, 0]) for p in rim[::-1]]
        return cam.proj(np.array(rim + inner))

    # ---------- decals ----------
    def band(y0, y1, zlo0, zhi0, zlo1, zhi1, n=14):
        ys = np.linspace(y0, y1, n)
        lo = np.interp(ys, [y0, y1], [zlo0, zlo1])
        hi = np.interp(ys, [y0, y1], [zhi0, zhi1])
        return list(zip(ys, hi)) + list(zip(ys[::-1], lo[::-1]))

    def rounded(half_w, z0, z1, r, n=6):
        """A round-cornered rectangle on the front or rear face, centred on the car's axis, in (y, z)."""
        pts = []
        for cy, cz, a0 in (
            (half_w - r, z1 - r, 0.0),
            (-half_w + r, z1 - r, 0.5),
            (-half_w + r, z0 + r, 1.0),
            (half_w - r, z0 + r, 1.5),
        ):
            pts += [
                (cy + r * np.cos(np.pi * (a0 + t)), cz + r * np.sin(np.pi * (a0 + t))) for t in np.linspace(0, 0.5, n)
            ]
        return pts

    def face(pts, rear):
        return cam.proj(np.array([face_point(y, z, rear) for y, z in pts]))

    def fpoly(pts, rear, fill, extra=""):
        return f'<path d="{pathd(face(pts, rear))}" fill="{fill}"{extra}/>'

    def fline(pts, rear, stroke, width, extra=""):
        return f'<path d="{pathd(face(pts, rear), close=False)}" fill="none" stroke="{stroke}" stroke-width="{width}" stroke-linecap="round" stroke-linejoin="round"{extra}/>'

    flank = []
    # shoulder crease (light above, shade below) and lower door sculpt, as in the side view
    flank.append(
        f'<path d="{pathd(from_side_art("M955,402 C880,394 760,380 640,374 C480,368 300,362 70,352 L70,344 C300,352 480,358 640,364 C760,370 880,382 952,390 Z"))}" fill="#e6ecf1" opacity="0.5"/>'
    )
    flank.append(
        f'<path d="{pathd(from_side_art("M955,406 C880,398 760,384 640,378 C480,372 300,366 70,366 L70,384 C300,390 480,394 640,398 C760,404 880,414 958,422 Z"))}" fill="#1d2228" opacity="0.2"/>'
    )
    flank.append(
        f'<path d="{pathd(from_side_art("M966,474 C860,470 700,462 560,452 C440,444 300,434 60,424 L60,436 C300,446 440,456 560,464 C700,474 860,482 966,486 Z"))}" fill="#c9d2db" opacity="0.22"/>'
    )
    flank.append(
        f'<path d="{pathd(from_side_art("M966,486 C860,482 700,474 560,464 C440,456 300,446 60,436 L60,499 L966,499 Z"))}" fill="#0d1014" opacity="0.16"/>'
    )
    flank.append(
        f'<path d="{pathd(from_side_art("M300,488 L740,488 L740,499 L300,499 Z"))}" fill="#1a1d21" opacity="0.75"/>'
    )
    for d in [
        "M652,352 C666,374 684,400 688,428 L690,497",
        "M456,340 C454,380 452,440 452,497",
        "M300,336 C326,358 350,384 356,420 C358,445 354,475 348,497",
        "M188,325 C176,338 164,346 150,348 C120,350 96,350 76,349",
        "M66,408 C110,410 160,414 192,424",
        "M902,400 C896,412 880,420 862,424",
    ]:
        flank.append(
            f'<path d="{pathd(from_side_art(d), close=False)}" fill="none" stroke="#23282e" stroke-width="1.1" stroke-linecap="round" opacity="0.85"/>'
        )
    for hx, hy, hw in ((556, 366, 38), (372, 360, 36)):
        flank.append(
            f'<path d="{pathd(from_side_art(f"M{hx},{hy + 1} L{hx + hw},{hy + 1} L{hx + hw},{hy + 8} L{hx},{hy + 8} Z"))}" fill="#2a2f35" opacity="0.55"/>'
        )
        flank.append(
            f'<path d="{pathd(from_side_art(f"M{hx},{hy} L{hx + hw},{hy} L{hx + hw},{hy + 6} L{hx},{hy + 6} Z"))}" fill="#a4aeb9" stroke="#2a2f35" stroke-width="0.7"/>'
        )
        flank.append(
            f'<path d="{pathd(from_side_art(f"M{hx + 4},{hy + 1} L{hx + hw - 4},{hy + 1} L{hx + hw - 4},{hy + 2.6} L{hx + 4},{hy + 2.6} Z"))}" fill="url(#chromeV)"/>'
        )
    flank.append(
        f'<path d="{pathd(from_side_art("M690,472 C600,466 470,458 362,452"), close=False)}" fill="none" stroke="url(#chromeV)" stroke-width="2"/>'
    )
    lamps = []  # the lamps where they wrap onto the flank: they do go round the corner
    if not FRONTV:  # seen from the front, the lamp is drawn on the front face instead
        lamps.append(
            f'<path d="{pathd(from_side_art("M958,407 C948,396 914,390 866,390 C880,401 910,411 936,415 C949,417 957,414 958,407 Z"))}" fill="url(#headG)" stroke="#14181c" stroke-width="0.8"/>'
        )
    lamps.append(
        f'<path d="{pathd(from_side_art("M69,343 C95,339 140,338 180,343 C152,356 112,362 66,365 Z"))}" fill="url(#tail)" stroke="#3a0508" stroke-width="0.6"/>'
    )
    lamps.append(
        f'<path d="{pathd(from_side_art("M71,351 C100,348 135,346 168,346"), close=False)}" fill="none" stroke="#ff8a8a" stroke-width="1" stroke-linecap="round"/>'
    )

    # side glass: the side view's window outline on the cabin, its pillars, and the chrome surround
    DLO = "M640,350 L222,337 C252,319 300,293 345,279 C392,269 462,266 517,273 C560,288 604,320 640,350 Z"
    dlo = from_side_art(DLO, 16)
    glass = [f'<clipPath id="dloClip"><path d="{pathd(dlo)}"/></clipPath>']
    glass_body = [f'<path d="{pathd(dlo)}" fill="url(#glassS)"/>', '<g clip-path="url(#dloClip)">']
    glass_body.append(
        f'<path d="{pathd(from_side_art("M560,262 L610,350 L570,350 L520,262 Z"))}" fill="#c8d4e0" opacity="0.10"/>'
    )
    glass_body.append(
        f'<path d="{pathd(from_side_art("M390,262 L420,350 L400,350 L370,262 Z"))}" fill="#c8d4e0" opacity="0.08"/>'
    )
    # The pillars: wider than in the side view, because seen from a corner the B-pillar narrows and, thin, it left
    # one long pane that read as a two-door coupe. The B-pillar and the rear door's frame split the glass into a
    # front door window, a rear door window and the small fixed glass behind it. Their tops are raked (forward seen
    # from the rear, back seen from the front) so that the cabin's tumblehome does not tip them over into diagonal
    # stripes that read as reflections.
    k, kb = (34, 85) if not FRONTV else (-26, -80)  # the B-pillar is taller, so its top moves further
    for d, col in (
        ("M604,300 L609,352 L599,352 L597,300 Z", "#0a0c0f"),
        (f"M{440 + kb},255 L{468 + kb},255 L466,352 L436,352 Z", "#0a0c0f"),
        (f"M{331 + k},262 L{340 + k},262 L334,352 L324,352 Z", "#0a0c0f"),
        ("M290,262 L304,262 L294,352 L280,352 Z", "#8d98a5"),
    ):
        glass_body.append(f'<path d="{pathd(from_side_art(d))}" fill="{col}"/>')
    for d in (f"M{466 + kb},262 L465,352", f"M{340 + k},262 L336,352"):  # glass edges catching the light by the pillars
        glass_body.append(
            f'<path d="{pathd(from_side_art(d), close=False)}" fill="none" stroke="#7d8895" stroke-width="0.9" opacity="0.7"/>'
        )
    glass_body.append("</g>")
    glass_body.append(
        f'<path d="{pathd(dlo)}" fill="none" stroke="url(#chromeV)" stroke-width="2.6" stroke-linejoin="round"/>'
    )

    # windscreen and rear window on the cabin's front and back
    def cabin_glass(rear):
        if rear:
            bottom = [(y, 1.13) for y in np.linspace(-0.70, 0.70, 14)]
            top = [(y, 1.405 - 0.04 * (y / 0.52) ** 2) for y in np.linspace(0.52, -0.52, 12)]
        else:
            bottom = [(y, 1.005) for y in np.linspace(-0.76, 0.76, 14)]
            top = [(y, 1.425 - 0.05 * (y / 0.5) ** 2) for y in np.linspace(0.50, -0.50, 12)]
        return face(bottom + top, rear)

    for rear in (False,) if FRONTV else (True,):
        gp = cabin_glass(rear)
        glass_body.append(f'<clipPath id="screen"><path d="{pathd(gp)}"/></clipPath>')
        glass_body.append(
            f'<path d="{pathd(gp)}" fill="url(#glassW)" stroke="#0b0d10" stroke-width="1.2" stroke-linejoin="round"/>'
        )
        streak = face([(-0.1, 1.0), (0.15, 1.0), (0.45, 1.44), (0.25, 1.44)], rear)
        glass_body.append(f'<path d="{pathd(streak)}" fill="#c8d4e0" opacity="0.12" clip-path="url(#screen)"/>')

    frontd = []
    if FRONTV:
        for s in (-1, 1):
            frontd.append(
                fpoly(
                    band(s * 0.47, s * 0.87, 0.64, 0.675, 0.67, 0.725),
                    False,
                    "url(#lampF)",
                    ' stroke="#0e1114" stroke-width="0.8"',
                )
            )
            frontd.append(
                fline(
                    [(s * y, z) for y, z in zip(np.linspace(0.5, 0.84, 10), np.linspace(0.665, 0.705, 10))],
                    False,
                    "#f4fbff",
                    1.2,
                )
            )
            cp = [
                (s * 0.845, 0.66),
                (s * 0.82, 0.58),
                (s * 0.80, 0.49),
                (s * 0.79, 0.41),
                (s * 0.76, 0.355),
                (s * 0.68, 0.335),
            ]
            frontd.append(fline(cp, False, "#cfe8ff", 5, ' filter="url(#glow)" opacity="0.9"'))
            frontd.append(fline(cp, False, "#ffffff", 2))
        frontd.append(
            fpoly(
                band(-0.47, 0.47, 0.45, 0.655, 0.45, 0.655),
                False,
                "#14181c",
                ' stroke="url(#chromeV)" stroke-width="2"',
            )
        )
        for z in (0.49, 0.53, 0.57, 0.61):
            frontd.append(fline([(y, z) for y in np.linspace(-0.45, 0.45, 14)], False, "#3c434c", 1.4))
        frontd.append(fline([(y, 0.665) for y in np.linspace(-0.47, 0.47, 14)], False, "url(#chromeV)", 2.4))
        frontd.append(
            fpoly(
                [(0, 0.64), (0.08, 0.55), (0, 0.46), (-0.08, 0.55)],
                False,
                "url(#chromeV)",
                ' stroke="#5d636a" stroke-width="0.8"',
            )
        )
        frontd.append(fpoly([(0, 0.615), (0.052, 0.55), (0, 0.485), (-0.052, 0.55)], False, "#1b1e22"))
        frontd.append(fpoly([(0, 0.598), (0.036, 0.55), (0, 0.502), (-0.036, 0.55)], False, "url(#chromeV)"))
        frontd.append(
            fpoly(band(-0.56, 0.56, 0.205, 0.325, 0.205, 0.325), False, "#101215", ' stroke="#2a2f35" stroke-width="1"')
        )
        frontd.append(fline([(y, 0.265) for y in np.linspace(-0.52, 0.52, 14)], False, "#3a4048", 1.2))
        for s in (-1, 1):
            frontd.append(fpoly(band(s * 0.62, s * 0.76, 0.23, 0.30, 0.24, 0.31), False, "#15181b"))
    else:
        for s in (-1, 1):
            frontd.append(
                fpoly(
                    band(s * 0.24, s * 0.84, 0.925, 0.955, 0.885, 1.0),
                    True,
                    "url(#tailV)",
                    ' stroke="#3a0508" stroke-width="0.7"',
                )
            )
            frontd.append(
                fline(
                    [(s * y, z) for y, z in zip(np.linspace(0.30, 0.80, 10), np.linspace(0.94, 0.945, 10))],
                    True,
                    "#ff5a5a",
                    1.8,
                    ' filter="url(#glow)"',
                )
            )
            frontd.append(
                fline(
                    [(s * y, z) for y, z in zip(np.linspace(0.30, 0.80, 10), np.linspace(0.94, 0.945, 10))],
                    True,
                    "#ffb0a8",
                    0.7,
                )
            )
        frontd.append(fline([(y, 0.94) for y in np.linspace(-0.24, 0.24, 12)], True, "url(#chromeV)", 3.2))
        frontd.append(
            fpoly(
                [(0, 1.02), (0.07, 0.94), (0, 0.86), (-0.07, 0.94)],
                True,
                "url(#chromeV)",
                ' stroke="#5d636a" stroke-width="0.8"',
            )
        )
        frontd.append(fpoly([(0, 0.997), (0.045, 0.94), (0, 0.883), (-0.045, 0.94)], True, "#1b1e22"))
        frontd.append(fpoly([(0, 0.983), (0.031, 0.94), (0, 0.897), (-0.031, 0.94)], True, "url(#chromeV)"))
        # the number plate: a light, round-cornered plate with a thin frame, set in a shallow recess (no characters,
        # so a generated design does not invent a registration)
        frontd.append(fpoly(rounded(0.285, 0.525, 0.69, 0.03), True, "#4c545e", ' opacity="0.55"'))
        frontd.append(
            fpoly(rounded(0.255, 0.548, 0.662, 0.016), True, "url(#plateG)", ' stroke="#23282e" stroke-width="1"')
        )
        frontd.append(fpoly(rounded(0.243, 0.556, 0.654, 0.01), True, "none", ' stroke="#9aa3ad" stroke-width="0.6"'))
        frontd.append(fline([(y, 0.44) for y in np.linspace(-0.86, 0.86, 20)], True, "#23282e", 1.1, ' opacity="0.8"'))
        frontd.append(fpoly(band(-0.78, 0.78, 0.19, 0.30, 0.19, 0.30), True, "#14171a"))
        for s in (-1, 1):
            frontd.append(
                fpoly(
                    band(s * 0.40, s * 0.62, 0.215, 0.27, 0.215, 0.27),
                    True,
                    "url(#chromeV)",
                    ' stroke="#4d535a" stroke-width="0.6"',
                )
            )
            frontd.append(fpoly(band(s * 0.43, s * 0.59, 0.225, 0.26, 0.225, 0.26), True, "#0c0d0f"))

    # mirror, standing out from the door
    def mirror():
        shell = sample(
            "M646,352 C634,346 620,338 618,330 C617,324 628,321 646,323 C658,325 665,333 664,342 C662,348 655,352 646,352 Z"
        )
        pts = [m(px, py) for px, py in shell]
        dx, out = (0.04, 1.03) if FRONTV else (-0.06, 0.99)
        far = cam.proj(np.array([(x + dx, SIDE * 0.93, z) for x, z in pts]))
        near = cam.proj(np.array([(x + dx, SIDE * out, z) for x, z in pts]))
        allp = np.concatenate([far, near])
        hull = allp[ConvexHull(allp).vertices]
        # the stalk: from the door at the window's front corner to the shell's inner side
        # (on the flank's widest line: side_point here, at the cabin's rounded front corner, landed far inboard and
        # drew the arm as a long blade)
        foot = [(x, SIDE * (half_width(z) - 0.01), z) for x in (0.58, 0.70) for z in (0.93, 1.01)]
        root = [(x + dx, SIDE * 0.93, z) for x, z in pts if z < 1.03]
        sp = cam.proj(np.array(foot + root))
        stalk = sp[ConvexHull(sp).vertices]
        return stalk, hull, near

    # ---------- assemble ----------
    shadow = [
        f'<path d="{pathd(cam.proj(np.array([((0.1 if FRONTV else -0.1) + 2.75 * np.cos(a), 1.15 * np.sin(a), 0) for a in np.linspace(0, 2 * np.pi, 64, endpoint=False)])))}" fill="#000" opacity="0.3" filter="url(#blurL)"/>',
        f'<path d="{pathd(cam.proj(np.array([(2.2 * np.cos(a), 0.86 * np.sin(a), 0) for a in np.linspace(0, 2 * np.pi, 64, endpoint=False)])))}" fill="#000" opacity="0.5" filter="url(#blurS)"/>',
    ]
    for ax in (AX_F, AX_R):
        for s in (-1, 1):
            shadow.append(
                f'<path d="{pathd(cam.proj(np.array([(ax + 0.36 * np.cos(a), s * TRACK + 0.13 * np.sin(a), 0) for a in np.linspace(0, 2 * np.pi, 32, endpoint=False)])))}" fill="#000" opacity="0.6" filter="url(#blurS)"/>'
            )

    art = []
    far_w = [wheel(ax, -SIDE) for ax in (AX_F, AX_R)]
    near_w = [wheel(ax, SIDE) for ax in (AX_F, AX_R)]
    art.append('<g id="far-wheels" mask="url(#outsideBody)">' + "\n".join(sum((w[0] for w in far_w), [])) + "</g>")
    art.append('<g id="body" clip-path="url(#bodyClip)">')
    art.append('<use href="#outline" fill="#5f6874" fill-rule="evenodd"/>')  # the outline is written once, in bodyClip
    art.append('<g filter="url(#soften)">' + "\n".join(f'<path d="{d}" fill="{col}"/>' for d, col in PAINT_D) + "</g>")
    art.append('<g id="flank"><g mask="url(#flankMask)">' + "\n".join(flank) + "</g>" + "\n".join(lamps) + "</g>")
    art.append('<g id="glass">' + "\n".join(glass_body) + "</g>")
    art.append("</g>")
    art.append(
        '<g id="wells">'
        + "\n".join(
            f'<g clip-path="url(#arch{k})"><path d="{pathd(well(ax))}" fill="url(#wellG)"/>'
            f'<path d="{pathd(lip(ax))}" fill="url(#lipG)"/></g>'
            for k, ax in enumerate((AX_F, AX_R))
        )
        + "</g>"
    )
    art.append('<g id="wheels" mask="url(#outsideBody)">' + "\n".join(sum((w[0] for w in near_w), [])) + "</g>")
    art.append('<g id="lights" clip-path="url(#bodyClip)">' + "\n".join(frontd) + "</g>")
    stalk, mhull, mface = mirror()
    art.append(
        f'<g id="mirror"><path d="{pathd(stalk)}" fill="url(#armG)" stroke="#2a2f36" stroke-width="0.6" stroke-linejoin="round"/><path d="{pathd(mhull)}" fill="url(#mirrorG)" stroke="#2a2f36" stroke-width="0.8"/><path d="{pathd(mface)}" fill="#9aa4af" opacity="0.35"/></g>'
    )
    for k, p in enumerate(arches):
        glass.append(f'<clipPath id="arch{k}"><path d="{pathd(p)}"/></clipPath>')
    # filters and masks work on the car's box only (the camera fits the car into 128..896 × 150..500), not the
    # whole canvas: blurring a region that size is most of the render time
    REGION = 'x="88" y="110" width="848" height="430"'
    # the side view's bands fade out over the last half metre before the end whose face is in view, instead of
    # stopping in a hard (or, blurred, smudgy) edge at the corner
    end = _profile_x(FRONT, 0.6) if FRONTV else _profile_x(REAR, 0.6)
    inward = -1 if FRONTV else 1
    fade = [float(cam.proj(side_point(end + inward * d, 0.6))[0]) for d in (0.15, 0.7)]
    defs_extra = (
        "\n    ".join(glass)
        + f'''
        <filter id="flankSoft" filterUnits="userSpaceOnUse" {REGION}><feGaussianBlur stdDeviation="3"/></filter>
        <mask id="flankMask" maskUnits="userSpaceOnUse" {REGION}><path d="{FLANK}" fill="url(#flankFade)" filter="url(#flankSoft)"/></mask>
        <linearGradient id="flankFade" gradientUnits="userSpaceOnUse" x1="{fade[0]:.1f}" y1="0" x2="{fade[1]:.1f}" y2="0"><stop offset="0" stop-color="#000"/><stop offset="1" stop-color="#fff"/></linearGradient>
        <clipPath id="bodyClip"><path id="outline" d="{SIL}" clip-rule="evenodd"/></clipPath>
        <mask id="outsideBody" maskUnits="userSpaceOnUse" {REGION}><rect {REGION} fill="#fff"/><use href="#outline" fill="#000" fill-rule="evenodd"/></mask>
        <filter id="soften" filterUnits="userSpaceOnUse" {REGION}><feGaussianBlur stdDeviation="2.4"/></filter>
        <linearGradient id="lipG" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#505860"/><stop offset="0.55" stop-color="#3b424a"/><stop offset="1" stop-color="#202429"/></linearGradient>
        <linearGradient id="plateG" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#f4f6f8"/><stop offset="1" stop-color="#d5dbe1"/></linearGradient>
        <linearGradient id="armG" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#b4bdc7"/><stop offset="1" stop-color="#5d6671"/></linearGradient>
        <linearGradient id="chromeV" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#f4f6f8"/><stop offset="0.5" stop-color="#9ea6ae"/><stop offset="1" stop-color="#e6e9ec"/></linearGradient>
        <linearGradient id="glassS" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#5a6775"/><stop offset="0.45" stop-color="#2b333d"/><stop offset="1" stop-color="#12161b"/></linearGradient>
        <linearGradient id="glassW" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#4a5665"/><stop offset="0.45" stop-color="#232a33"/><stop offset="1" stop-color="#0c0f13"/></linearGradient>
        <linearGradient id="lampF" x1="0" y1="0" x2="1" y2="0"><stop offset="0" stop-color="#1b2026"/><stop offset="0.6" stop-color="#3c4550"/><stop offset="1" stop-color="#aab6c2"/></linearGradient>
        <linearGradient id="tailV" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#d0212b"/><stop offset="0.5" stop-color="#8e0f17"/><stop offset="1" stop-color="#5c070c"/></linearGradient>'''
    )

    head = (ART / "sm6_side.svg").read_text(encoding="utf-8").split("<!-- background")[0]
    head = re.sub(
        r'\s*<clipPath id="(bodyClip|dloClip)">.*?</clipPath>', "", head, flags=re.S
    )  # the side view's own outlines
    head = re.sub(r'\s*<path id="spoke"[^>]*/>', "", head)
    title = ("front" if FRONTV else "rear") + " three-quarter view (base artwork)"
    head = head.replace("side view (base artwork)", title).replace("  </defs>", "    " + defs_extra + "\n  </defs>")
    note = "  <!-- Made by scripts/draw_sm6_views.py from the side view: change that script and run it again rather than editing this file. -->\n"
    svg = (
        head
        + note
        + """  <!-- background extends far beyond the viewBox so any letterboxed viewBox stays filled -->
      <g id="background">
        <rect x="-100000" y="-100000" width="200000" height="200000" fill="url(#bg)"/>
        <rect x="-100000" y="-100000" width="200000" height="200000" fill="url(#halo)"/>
      </g>
      <g id="car">
      <g id="shadow">"""
        + "\n".join(shadow)
        + "</g>\n"
        + "\n".join(art)
        + "\n  </g>\n</svg>\n"
    )
    (out_dir / f"sm6_{VIEW}.svg").write_text(svg, encoding="utf-8")
    mask = (
        '<svg xmlns="http://www.w3.org/2000/svg" width="1024" height="640" viewBox="0 0 1024 640">\n'
        f"  <title>Renault SM6 {'front' if FRONTV else 'rear'} three-quarter silhouette mask (white = car)</title>\n"
        f"  <!-- The body outline, arch openings, tyres and mirror are the same path data as in sm6_{VIEW}.svg (both made by scripts/draw_sm6_views.py). -->\n"
        '  <rect x="-100000" y="-100000" width="200000" height="200000" fill="#000"/>\n  <g id="silhouette" fill="#fff">\n'
        f'    <path id="body" d="{SIL}" fill-rule="evenodd"/>\n'
        # a hairline stroke closes the anti-aliased seam where an arch meets the body's hole for it, which left a
        # faint ring of "keep" pixels inside the car
        + '    <g stroke="#fff" stroke-width="0.8" stroke-linejoin="round">\n'
        + "".join(f'    <path d="{pathd(p)}"/>\n' for p in arches)
        + "".join(f'    <path d="{pathd(w[1])}"/>\n' for w in far_w + near_w)
        + f'    <path d="{pathd(stalk)}"/>\n    <path d="{pathd(mhull)}"/>\n'
        + "    </g>\n  </g>\n</svg>\n"
    )
    (out_dir / f"sm6_{VIEW}_mask.svg").write_text(mask, encoding="utf-8")
    print(f"{VIEW}: {len(body)} facets, {len(svg)} + {len(mask)} bytes")


if __name__ == "__main__":
    for view in sys.argv[1:] or ["front34", "rear34"]:
        draw(view)
