"""What a ControlNet is given: the starting picture's edges (white lines on black, for canny/line-art ControlNets)
or a depth-like map of the car's body (near parts bright, for depth ControlNets), both RGB at the picture's size.

The base artwork's hints come from its own pixels and body mask (cached, as every request of a size and view asks
for the same ones); a loaded sketch or photo has no mask, so its depth map starts from a silhouette found in it.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
from PIL import Image
from scipy import ndimage

from app.errors import RequestError
from app.generation import base_art
from app.messages import Msg

HINTS = ("edges", "depth")  # the same names as app.generation.request.HINTS

NO_OUTLINE = Msg(
    "generation.hint.no_outline",
    "This picture has no clear outline to take depth from; use Edges as the guide.",
)

# Canny's blur, in pixels at 512 pixels on the short side (scaled with the picture): enough to drop the paint's
# gradients and the wheels' fine spokes, little enough to keep the body's panel lines.
SIGMA_AT_512 = 1.6
# Hysteresis thresholds as fractions of the picture's strongest gradient: relative, so a pale sketch and a
# high-contrast render give lines alike.
LOW, HIGH = 0.08, 0.2
# A silhouette must cover this share of the frame to be believed: less is a speck, more is the whole background.
MIN_SILHOUETTE, MAX_SILHOUETTE = 0.03, 0.85


def _check_hint(hint: str) -> str:
    if hint not in HINTS:
        raise ValueError(f"unknown hint {hint!r}; expected one of {', '.join(HINTS)}")
    return hint


def _edge_map(image: Image.Image) -> np.ndarray:
    from skimage.feature import canny  # scikit-image is slow to import: only when a hint is made

    grey = np.asarray(image.convert("L"), dtype=np.float64) / 255.0
    sigma = max(1.0, SIGMA_AT_512 * min(grey.shape) / 512)
    smoothed = ndimage.gaussian_filter(grey, sigma)
    strongest = float(np.hypot(ndimage.sobel(smoothed, 0), ndimage.sobel(smoothed, 1)).max())
    if strongest < 1e-6:  # a flat picture has no edges (canny would find noise in rounding)
        return np.zeros(grey.shape, dtype=bool)
    # skimage measures the gradient with its own Sobel of the same blur, so the thresholds scale alike.
    return canny(grey, sigma=sigma, low_threshold=LOW * strongest, high_threshold=HIGH * strongest)


def edges(image: Image.Image) -> Image.Image:
    """Canny edges of `image`: white one-pixel lines on black, RGB, the same size."""
    lines = _edge_map(image)
    return Image.fromarray(np.where(lines, 255, 0).astype(np.uint8), "L").convert("RGB")


def depth_like(mask: Image.Image) -> Image.Image:
    """A depth-like map from a body mask (white = car): the body bright and rounded, brightest along its middle,
    the background black. RGB, the mask's size."""
    body = np.asarray(mask.convert("L")) > 127
    if not body.any():
        return Image.new("RGB", mask.size, (0, 0, 0))
    distance = ndimage.distance_transform_edt(body)
    reach = max(float(np.percentile(distance[body], 99)), 1.0)
    t = np.clip(distance / reach, 0.0, 1.0)
    rounded = np.sqrt(1.0 - (1.0 - t) ** 2)  # a circular cross-section: steep at the outline, flat on top
    # The medial ridge of a distance map shows as a crease; a light blur turns it into a smooth crown.
    rounded = ndimage.gaussian_filter(rounded, max(1.0, min(body.shape) / 160))
    # The lower body sits nearer the viewer than the roof in every view: a gentle lift from top to bottom.
    rows = np.flatnonzero(body.any(axis=1))
    height = np.clip((np.arange(body.shape[0]) - rows[0]) / max(rows[-1] - rows[0], 1), 0.0, 1.0)[:, None]
    value = 0.3 + 0.55 * rounded + 0.15 * height
    out = np.where(body, np.clip(value, 0.0, 1.0) * 255.0 + 0.5, 0).astype(np.uint8)
    return Image.fromarray(out, "L").convert("RGB")


@lru_cache(maxsize=8)
def _base_hint_cached(hint: str, view: str, width: int, height: int) -> Image.Image:
    if hint == "edges":
        return edges(base_art.render_base(width, height, view))
    return depth_like(base_art.render_mask(width, height, view))


def base_hint(hint: str, view: str, width: int, height: int) -> Image.Image:
    """The hint of the SM6 base artwork in `view` at width×height (a copy of a cached one)."""
    return _base_hint_cached(_check_hint(hint), view, width, height).copy()


def picture_hint(hint: str, image: Image.Image) -> Image.Image:
    """The hint of a loaded sketch or photo. "depth" needs an outline in it: RequestError in plain words if the
    picture has none that closes around a shape."""
    if _check_hint(hint) == "edges":
        return edges(image)
    silhouette = picture_silhouette(image)
    if silhouette is None:
        raise RequestError(NO_OUTLINE())
    return depth_like(silhouette)


def picture_silhouette(image: Image.Image) -> Image.Image | None:
    """The main shape in a picture, white on black ("L"), or None when none stands out: the regions its edges
    close around, together with what differs from the colour of its border (a sketch's paper, a studio wall)."""
    rgb = np.asarray(image.convert("RGB"), dtype=np.float64)
    short = min(rgb.shape[:2])
    lines = _edge_map(image)
    lines = ndimage.binary_dilation(lines, iterations=max(1, round(short / 256)))  # close small gaps in a sketch
    border = np.concatenate([rgb[0], rgb[-1], rgb[:, 0], rgb[:, -1]])
    shape = lines
    if float(border.std(axis=0).max()) < 24:  # a plain border: anything far from its colour is the subject
        shape = shape | (np.abs(rgb - np.median(border, axis=0)).max(axis=2) > 40)
    shape = ndimage.binary_closing(shape, iterations=max(1, round(short / 128)))
    filled = ndimage.binary_fill_holes(shape)
    labels, count = ndimage.label(filled)
    if count == 0:
        return None
    sizes = ndimage.sum_labels(filled, labels, index=np.arange(1, count + 1))
    biggest = labels == int(np.argmax(sizes)) + 1
    share = float(biggest.mean())
    if not MIN_SILHOUETTE <= share <= MAX_SILHOUETTE or not _closed(biggest, lines):
        return None
    return Image.fromarray(np.where(biggest, 255, 0).astype(np.uint8), "L")


def _closed(region: np.ndarray, lines: np.ndarray) -> bool:
    """A shape, not a scribble: the region is more than its own outline (lines alone fill nothing)."""
    return float((region & ~lines).sum()) > 0.5 * float(region.sum())
