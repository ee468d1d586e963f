"""Shape guidance on real (tiny) diffusers models: body and scene masks with a 4-channel and a 9-channel model, the
three views, ControlNets (folder and single file), loaded pictures, provenance and reproducibility."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageFilter

from app.config import GenerationSettings
from app.errors import RequestError
from app.generation import base_art, pictures, pngmeta
from app.generation import events as ev
from app.generation.backend import LIVE_STREAM
from app.generation.engine import Engine
from app.generation.hashing import HashCache
from app.generation.pngmeta import read_png_metadata
from app.generation.registry import ModelRegistry
from app.generation.request import GenerationRequest
from app.library.saver import LibrarySaver
from app.library.store import Library
from tests.app.engine_helpers import Recorder
from tests.fixtures.tiny_guidance import build_tiny_controlnet, build_tiny_inpainting_sdxl
from tests.fixtures.tiny_lora import build_tiny_lora
from tests.fixtures.tiny_models import build_tiny_sdxl
from tests.fixtures.tiny_taesd import build_tiny_taesd

SIZE = 64
PLAIN, INPAINTING, XL = "tiny-sd15", "tiny-sd15-inpainting", "tiny-sdxl"
XL_INPAINTING = "tiny-sdxl-inpainting"
CONTROLNET, CONTROLNET_XL = "tiny-controlnet", "tiny-controlnet-xl"
CONTROLNET_FILE = "tiny-controlnet-file.safetensors"  # a single file's id is its file name
CONTROLNET_XL_FILE = "tiny-controlnet-xl-file.safetensors"  # the SDXL one's weights, as one diffusers-keyed file
LORA = "tiny-lora.safetensors"


@pytest.fixture(scope="module")
def guided(tiny_sd15_master, tiny_guidance_masters, tmp_path_factory):
    """One engine for the module, over a models folder with the tiny models (SD 1.x and SDXL, plain and inpainting)
    and four ControlNets (folder and single file, both families)."""
    root = tmp_path_factory.mktemp("guided")
    models = root / "models"
    shutil.copytree(tiny_sd15_master, models / PLAIN)
    shutil.copytree(tiny_guidance_masters["inpainting"], models / INPAINTING)
    shutil.copytree(tiny_guidance_masters["controlnet"], models / "controlnet" / CONTROLNET)
    shutil.copytree(tiny_guidance_masters["controlnet_sdxl"], models / "controlnet" / CONTROLNET_XL)
    single = tiny_guidance_masters["controlnet_single"]
    shutil.copy2(single, models / "controlnet" / single.name)
    shutil.copytree(single.with_name(single.stem + ".config"), models / "controlnet" / (single.stem + ".config"))
    build_tiny_sdxl(models / XL)
    build_tiny_inpainting_sdxl(models / XL_INPAINTING)
    build_tiny_controlnet(models / "controlnet", arch="sdxl", single_file=True, name="tiny-controlnet-xl-file")
    build_tiny_taesd(models)
    build_tiny_lora(models / "lora" / "tiny-lora.safetensors")
    registry = ModelRegistry([models], HashCache(root / "hashes.json"))
    registry.scan()
    settings = GenerationSettings(live_previews=False)
    engine = Engine(registry, lambda: settings)
    recorder = Recorder()
    engine.subscribe(recorder)
    yield engine, recorder
    engine.shutdown()


def request(**changes) -> GenerationRequest:
    base = GenerationRequest(
        prompt="pearl white SM6", seed=11, steps=3, width=SIZE, height=SIZE, model_id=PLAIN, strength=0.8
    )
    return base.replace(**changes)


def generate(guided, **changes):
    """The one image of a request (not saved): (pixels as an array, PNG metadata)."""
    engine, recorder = guided
    job = engine.submit(request(**changes), save=False)
    done = recorder.wait_job(job.id)
    assert isinstance(done, ev.JobFinished), getattr(done, "message", done)
    (image,) = done.images
    return np.asarray(image.pixels.convert("RGB")).astype(float), read_png_metadata(image.png)


def failure(guided, **changes) -> str:
    """The words a request is refused or fails with (submitted or run)."""
    engine, recorder = guided
    try:
        job = engine.submit(request(**changes), save=False)
    except RequestError as exc:
        return str(exc.message)
    done = recorder.wait_job(job.id)
    assert isinstance(done, ev.JobFailed), done
    return str(done.message)


def regions(view: str = "side") -> tuple[np.ndarray, np.ndarray]:
    """Pixels well inside the car and well outside it (a few pixels off the mask's edge, where it is feathered)."""
    mask = base_art.render_mask(SIZE, SIZE, view)
    inside = np.asarray(mask.filter(ImageFilter.MinFilter(5))) > 250
    outside = np.asarray(mask.filter(ImageFilter.MaxFilter(5))) < 5
    assert inside.sum() > 100 and outside.sum() > 1000  # the car fills part of the picture, the scene the rest
    return inside, outside


def change(a: np.ndarray, b: np.ndarray, where: np.ndarray) -> float:
    return float(np.abs(a - b)[where].mean())


@pytest.mark.parametrize("model", [PLAIN, INPAINTING])
@pytest.mark.parametrize("mask", ["body", "scene"])
def test_a_mask_repaints_its_part_and_keeps_the_rest(guided, model, mask):
    base = np.asarray(base_art.render_base(SIZE, SIZE, "side")).astype(float)
    inside, outside = regions()
    pixels, meta = generate(guided, model_id=model, source="base", mask=mask)
    repainted, kept = (inside, outside) if mask == "body" else (outside, inside)
    assert change(pixels, base, kept) < 1.0  # the kept part comes back as it was
    assert change(pixels, base, repainted) > 15.0  # the other part is clearly new
    assert meta["meta"]["guidance"]["mask"] == mask
    assert "Denoising strength: 0.8" in meta["parameters"]


def test_an_inpainting_model_also_makes_new_pictures_and_refines(guided):
    new, meta = generate(guided, model_id=INPAINTING)
    assert new.std() > 1.0 and meta["meta"]["model"]["name"] == INPAINTING  # a picture, not a flat grey field
    refined, _ = generate(guided, model_id=INPAINTING, source="base", strength=0.5)
    assert change(refined, new, np.ones(new.shape[:2], bool)) > 5.0


def test_the_three_views_start_from_different_pictures(guided):
    made = {view: generate(guided, source="base", view=view, strength=0.5) for view in ("side", "front34", "rear34")}
    for view, (_pixels, meta) in made.items():
        assert meta["meta"]["guidance"]["view"] == view and meta["request"]["view"] == view
    side, front, rear = (pixels for pixels, _ in made.values())
    everywhere = np.ones(side.shape[:2], bool)
    assert min(change(side, front, everywhere), change(side, rear, everywhere), change(front, rear, everywhere)) > 2.0


def test_a_controlnet_changes_the_picture_at_strength_1_and_nothing_at_0(guided):
    plain, _ = generate(guided)
    guided_1, meta = generate(guided, control_model=CONTROLNET, control_strength=1.0)
    guided_0, _ = generate(guided, control_model=CONTROLNET, control_strength=0.0)
    assert change(guided_1, plain, np.ones(plain.shape[:2], bool)) > 2.0
    assert np.array_equal(guided_0, plain)
    control = meta["meta"]["guidance"]["control"]
    assert control["name"] == CONTROLNET and control["strength"] == 1.0 and control["hint"] == "edges"
    assert len(control["sha256"]) == 64
    assert (
        f'ControlNet 0: "Module: canny, Model: {CONTROLNET} [{control["sha256"][:10]}], Weight: 1"'
        in (meta["parameters"])
    )


def test_a_single_file_controlnet_gives_the_same_pixels_as_its_folder(guided):
    folder, _ = generate(guided, control_model=CONTROLNET, source="base", mask="body")
    single, meta = generate(guided, control_model=CONTROLNET_FILE, source="base", mask="body")
    assert np.array_equal(folder, single)
    assert meta["meta"]["guidance"]["control"]["name"] == "tiny-controlnet-file"


def test_a_controlnet_guides_an_inpainting_model_and_a_depth_hint(guided):
    edges, _ = generate(guided, model_id=INPAINTING, control_model=CONTROLNET)
    depth, meta = generate(guided, model_id=INPAINTING, control_model=CONTROLNET, control_hint="depth")
    assert change(edges, depth, np.ones(edges.shape[:2], bool)) > 1.0
    assert '"Module: depth, Model: ' in meta["parameters"]


def test_an_sdxl_model_repaints_the_body_guided_by_an_sdxl_controlnet(guided):
    base = np.asarray(base_art.render_base(SIZE, SIZE, "side")).astype(float)
    inside, outside = regions()
    plain, _ = generate(guided, model_id=XL, source="base", mask="body")
    pixels, meta = generate(guided, model_id=XL, source="base", mask="body", control_model=CONTROLNET_XL)
    assert change(pixels, base, outside) < 1.0 and change(pixels, base, inside) > 15.0
    assert change(pixels, plain, inside) > 1.0
    assert meta["meta"]["guidance"]["control"]["name"] == CONTROLNET_XL
    said = failure(guided, model_id=XL, control_model=CONTROLNET)
    assert "SD 1.x" in said and "SDXL" in said


def test_an_sdxl_inpainting_model_repaints_the_body_keeps_the_scene_and_makes_new_pictures(guided):
    base = np.asarray(base_art.render_base(SIZE, SIZE, "side")).astype(float)
    inside, outside = regions()
    pixels, meta = generate(guided, model_id=XL_INPAINTING, source="base", mask="body")
    assert change(pixels, base, outside) < 1.0 and change(pixels, base, inside) > 15.0
    assert meta["meta"]["model"]["name"] == XL_INPAINTING and meta["meta"]["model"]["arch"] == "sdxl"
    again, _ = generate(guided, model_id=XL_INPAINTING, source="base", mask="body")
    assert np.array_equal(pixels, again)
    new, _ = generate(guided, model_id=XL_INPAINTING)  # no starting picture: a picture, not a flat grey field
    assert new.std() > 1.0
    guided_too, meta = generate(guided, model_id=XL_INPAINTING, source="base", mask="body", control_model=CONTROLNET_XL)
    assert change(guided_too, pixels, inside) > 1.0 and change(guided_too, base, outside) < 1.0
    assert meta["meta"]["guidance"]["control"]["name"] == CONTROLNET_XL


def test_an_sdxl_single_file_controlnet_gives_the_same_pixels_as_its_folder(guided):
    folder, _ = generate(guided, model_id=XL, control_model=CONTROLNET_XL)
    single, meta = generate(guided, model_id=XL, control_model=CONTROLNET_XL_FILE)
    plain, _ = generate(guided, model_id=XL)
    assert np.array_equal(folder, single) and not np.array_equal(single, plain)
    assert meta["meta"]["guidance"]["control"]["name"] == "tiny-controlnet-xl-file"


def test_a_kept_live_frame_is_the_png_an_ordinary_save_writes(guided, tmp_path):
    """A live frame encodes no PNG until it is kept; kept, its file is byte for byte the one an ordinary save of the
    same request writes (but for the time the frame took, which the PNG records)."""
    engine, recorder = guided
    library = Library.open(tmp_path / "data")
    asked = request(source="base", mask="body", control_model=CONTROLNET, loras=((LORA, 0.5),), decoder="taesd")
    try:
        engine.set_image_sink(LibrarySaver(library).keep)
        saved = recorder.wait_job(engine.submit(asked, save=True).id)
        engine.set_image_sink(None)
        (design,) = saved.designs
        live = recorder.wait_job(engine.submit(asked, save=False, stream=LIVE_STREAM).id)
        (frame,) = live.images
        assert not frame.png_encoded  # shown from its pixels: no PNG made for a frame that may never be kept
        kept = LibrarySaver(library).keep(frame)
        ordinary_png, kept_png = Path(design.image_path).read_bytes(), Path(kept.image_path).read_bytes()
    finally:
        engine.set_image_sink(None)
        library.close()
    assert kept_png == frame.png and hashlib.sha256(kept_png).hexdigest() == kept.image_sha256
    said = read_png_metadata(ordinary_png)

    def encoded(seconds: float) -> bytes:  # the ordinary save's own metadata, encoded at once as a save always did
        extra = {**said["meta"], "seconds": seconds}
        return pngmeta.encode_png(frame.pixels, parameters=said["parameters"], request=said["request"], extra=extra)

    assert encoded(said["meta"]["seconds"]) == ordinary_png
    assert encoded(round(frame.seconds, 3)) == kept_png


def test_a_loaded_picture_is_the_starting_point(guided):
    store = pictures.default_store()
    # the base artwork loaded as a picture starts exactly where "base" starts: the same pixels come out
    same_as_base = store.add_bytes(_png(base_art.render_base(SIZE, SIZE, "side")))
    from_picture, meta = generate(guided, source="picture", source_picture=same_as_base)
    from_base, _ = generate(guided, source="base")
    assert np.array_equal(from_picture, from_base)
    assert meta["meta"]["guidance"]["source_picture"] == same_as_base
    assert meta["request"]["source_picture"] == same_as_base
    stripes = Image.new("RGB", (200, 120), (20, 40, 200))
    for x in range(0, 200, 40):
        stripes.paste((240, 230, 30), (x, 0, x + 20, 120))
    other, _ = generate(guided, source="picture", source_picture=store.add_bytes(_png(stripes)))
    assert change(other, from_base, np.ones(other.shape[:2], bool)) > 2.0
    # its edges guide a ControlNet
    guided_by_it, meta = generate(guided, source="picture", source_picture=same_as_base, control_model=CONTROLNET)
    assert not np.array_equal(guided_by_it, from_picture) and meta["meta"]["guidance"]["control"]


def _png(image: Image.Image) -> bytes:
    import io

    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


@pytest.mark.parametrize(
    "changes",
    [
        {},
        {"source": "base", "view": "rear34"},
        {"source": "base", "mask": "scene"},
        {"control_model": CONTROLNET, "source": "base"},
        {"model_id": INPAINTING, "source": "base", "mask": "body", "control_model": CONTROLNET},
    ],
    ids=["txt2img", "img2img", "masked", "controlnet", "inpainting-model"],
)
def test_the_same_request_and_seed_give_the_same_pixels(guided, changes):
    first, meta = generate(guided, **changes)
    second, _ = generate(guided, **changes)
    assert np.array_equal(first, second)
    again = GenerationRequest.from_dict(meta["request"])  # the PNG's request is enough to make it again
    assert again == request(**changes).replace(decoder="vae", model_id=again.model_id)


def test_the_fast_decoder_finishes_a_masked_picture_and_keeps_the_scene(guided):
    base = np.asarray(base_art.render_base(SIZE, SIZE, "side")).astype(float)
    inside, outside = regions()
    fast, meta = generate(guided, source="base", mask="body", decoder="taesd")
    vae, _ = generate(guided, source="base", mask="body", decoder="vae")
    assert change(fast, base, outside) < 1.0 and change(fast, base, inside) > 15.0
    assert change(fast, vae, inside) > 2.0  # another decoder made the car
    assert meta["meta"]["guidance"]["decoder"] == "taesd" and meta["request"]["decoder"] == "taesd"
    again, _ = generate(guided, source="base", mask="body", decoder="taesd")
    assert np.array_equal(fast, again)


def test_loras_are_applied_and_written_as_a1111_does(guided):
    plain, _ = generate(guided, control_model=CONTROLNET)
    with_lora, meta = generate(guided, control_model=CONTROLNET, loras=((LORA, 0.8),))
    assert change(with_lora, plain, np.ones(plain.shape[:2], bool)) > 1.0
    (lora,) = meta["meta"]["guidance"]["loras"]
    assert lora["name"] == "tiny-lora" and lora["weight"] == 0.8 and len(lora["sha256"]) == 64
    prompt_line = meta["parameters"].splitlines()[0]
    assert prompt_line.endswith("<lora:tiny-lora:0.8>")  # as A1111 names LoRAs: the file name less .safetensors
    assert f'Lora hashes: "tiny-lora: {lora["sha256"][:12]}"' in meta["parameters"]
    assert meta["request"]["loras"] == [[LORA, 0.8]]
    back, _ = generate(guided, control_model=CONTROLNET)  # the next job without LoRAs is plain again
    assert np.array_equal(back, plain)


def test_a_missing_or_other_family_controlnet_is_refused_in_words_and_the_engine_goes_on(guided):
    said = failure(guided, control_model="no-such-controlnet")
    assert "no-such-controlnet" in said and "no longer in the models folder" in said
    said = failure(guided, control_model=CONTROLNET_XL)
    assert CONTROLNET_XL in said and "SDXL" in said and "SD 1.x" in said
    said = failure(guided, control_model=PLAIN)
    assert "is not a ControlNet" in said
    pixels, _ = generate(guided)  # still working
    assert pixels.shape == (SIZE, SIZE, 3)


def test_a_picture_that_is_gone_is_refused_before_it_runs(guided):
    said = failure(guided, source="picture", source_picture="0" * 64)
    assert "Load it again" in said


def test_every_mode_and_controlnet_shares_the_weights_loaded_once(guided):
    engine, _ = guided
    for changes in ({}, {"source": "base"}, {"source": "base", "mask": "body"}, {"control_model": CONTROLNET}):
        generate(guided, **changes)
    loaded = engine._loaded
    assert {mode for mode, _control in loaded.pipes} == {"txt2img", "img2img", "inpaint"}
    assert all(pipe.unet is loaded.txt2img.unet and pipe.vae is loaded.txt2img.vae for pipe in loaded.pipes.values())
    generate(guided, control_model=CONTROLNET_FILE)  # another ControlNet replaces the first: one is held at a time
    assert [key[0] for key in loaded.controlnets] == [CONTROLNET_FILE]
