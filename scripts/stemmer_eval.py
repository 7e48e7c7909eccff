#!/usr/bin/env python3
"""Agreement of a stemmer command with PySastrawi, on news vocabulary and on affixed words.

Usage:
    python3 -m venv /tmp/venv && /tmp/venv/bin/pip install PySastrawi
    /tmp/venv/bin/python scripts/stemmer_eval.py 'cargo run -q --release --example stem_words' \
        [--corpus '/work/shared/corpus/seeds/*.txt'] [--show 60]

CMD reads words on stdin (one a line) and prints one line per word (the stem; if a line holds
several terms the first is taken). PySastrawi must be importable (this script installs nothing).

Reported:
  * news: all words of the corpus files (lowercased, alphabetic runs), read at run time and never
    stored: agreement by token (every occurrence) and by type (distinct words);
  * affixed: a generated list of affixed words (roots of the embedded lexicon that are common in
    news x productive affix patterns, see AFFIXED below): agreement by type;
  * the disagreements, most frequent first, to judge who is right.
"""
import argparse
import collections
import glob
import os
import re
import shlex
import subprocess
import sys

try:
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory
except ImportError:  # pragma: no cover
    sys.exit("PySastrawi is not importable: python3 -m venv /tmp/venv && /tmp/venv/bin/pip install PySastrawi")

HERE = os.path.dirname(os.path.abspath(__file__))

# Hand-picked affixed words (our own list): root families common in security/politics news,
# each written in the forms news text uses. Built as root x pattern; the pattern generator below
# does the nasal recoding itself so that the list is real Indonesian words.
FAMILIES = {
    "serang": "menyerang penyerangan diserang serangan penyerang terserang",
    "tangkap": "menangkap penangkapan ditangkap tertangkap tangkapan",
    "bom": "mengebom pengeboman dibom",
    "tuntut": "menuntut penuntutan dituntut tuntutan penuntut",
    "kerja": "bekerja pekerjaan pekerja dikerjakan mengerjakan",
    "cegah": "mencegah pencegahan dicegah",
    "tanggulang": "menanggulangi penanggulangan ditanggulangi",
    "selidik": "menyelidiki penyelidikan penyelidik diselidiki",
    "rekrut": "merekrut perekrutan direkrut",
    "dana": "mendanai pendanaan didanai",
    "kata": "mengatakan dikatakan perkataan",
    "kuat": "memperkuat diperkuat penguatan kekuatan menguatkan",
    "berantas": "memberantas pemberantasan diberantas",
    "adil": "pengadilan diadili keadilan mengadili peradilan",
    "hukum": "menghukum hukuman dihukum",
    "periksa": "memeriksa pemeriksaan diperiksa",
    "ancam": "mengancam ancaman diancam terancam",
    "bunuh": "membunuh pembunuhan dibunuh terbunuh",
    "ledak": "meledak ledakan peledakan meledakkan",
    "tembak": "menembak penembakan ditembak tertembak tembakan",
    "duga": "menduga diduga terduga dugaan",
    "sidang": "menyidangkan persidangan disidangkan",
    "jaga": "menjaga penjagaan dijaga penjaga",
    "aman": "keamanan mengamankan diamankan pengamanan",
    "lindung": "melindungi perlindungan dilindungi pelindung",
    "bantu": "membantu bantuan dibantu pembantu",
    "sebar": "menyebarkan penyebaran disebarkan tersebar",
    "ajar": "belajar pelajaran mengajar pengajar diajarkan pelajar",
    "ikut": "mengikuti pengikut diikuti keikutsertaan",
    "ambil": "mengambil pengambilan diambil",
    "beri": "memberikan pemberian diberikan memberi",
    "pimpin": "memimpin pemimpin pimpinan dipimpin kepemimpinan",
    "perintah": "memerintahkan pemerintah pemerintahan diperintahkan",
    "tahu": "mengetahui diketahui pengetahuan ketahui",
    "latih": "melatih pelatihan dilatih pelatih latihan",
    "rencana": "merencanakan perencanaan direncanakan",
    "temu": "menemukan penemuan ditemukan bertemu pertemuan",
    "ungkap": "mengungkap pengungkapan diungkap terungkap",
    "libat": "melibatkan keterlibatan terlibat dilibatkan",
    "kembang": "mengembangkan perkembangan pengembangan berkembang",
    "tingkat": "meningkatkan peningkatan ditingkatkan meningkat",
    "kelola": "mengelola pengelolaan dikelola pengelola",
    "hasil": "berhasil keberhasilan menghasilkan dihasilkan",
    "sita": "menyita penyitaan disita",
    "vonis": "memvonis divonis",
    "tindak": "menindak penindakan ditindak tindakan",
    "awas": "mengawasi pengawasan diawasi",
    "putus": "memutuskan keputusan diputuskan",
    "satu": "bersatu persatuan kesatuan menyatukan",
    "damai": "perdamaian kedamaian berdamai mendamaikan",
    "cari": "mencari pencarian dicari",
    "sembunyi": "bersembunyi persembunyian menyembunyikan disembunyikan",
    "rakit": "merakit perakitan dirakit",
    "bangun": "membangun pembangunan dibangun bangunan",
    "tangis": "menangis tangisan",
    "juang": "berjuang perjuangan memperjuangkan pejuang",
    "tahan": "menahan penahanan ditahan tahanan bertahan pertahanan",
    "ganggu": "mengganggu gangguan terganggu",
    "kirim": "mengirim pengiriman dikirim kiriman",
    "sasar": "menyasar sasaran disasar",
    "pakai": "memakai pemakaian dipakai",
    "ubah": "mengubah perubahan diubah berubah",
    "ingat": "mengingatkan peringatan diingatkan",
}


# --- Generated affixed forms from hunspell-id (optional: needs /usr/share/hunspell/id_ID.*) ---
# Each dictionary root carries flags naming the affixes it takes. Applying the simple prefix and
# suffix rules of those flags gives real affixed words whose root is known.
HUNSPELL = "/usr/share/hunspell/id_ID"
# flag -> (prefix flag whose rules to apply, literal suffix). Circumfix flags reuse the rules of
# the prefix they go with.
FORMS = {
    "D0": ("D0", ""), "Di": ("D0", "i"), "Dk": ("D0", "kan"),
    "M0": ("M0", ""), "Mi": ("M0", "i"), "Mk": ("M0", "kan"),
    "P0": ("P0", ""), "Pa": ("P0", "an"),
    "B0": ("B0", ""), "T0": ("T0", ""),
    "Ka": (None, "an"), "a0": (None, "an"),
}


def _affix_rules(aff):
    rules = collections.defaultdict(list)
    for line in open(aff, encoding="utf-8", errors="replace"):
        parts = line.split()
        if len(parts) >= 5 and parts[0] == "PFX" and parts[1] in ("D0", "M0", "P0", "B0", "T0"):
            strip = "" if parts[2] == "0" else parts[2]
            add = parts[3].split("/")[0]
            cond = parts[4]
            # hunspell's [^l^r] means [^lr]
            cond = re.sub(r"\[\^([^\]]*)\]", lambda m: "[^" + m.group(1).replace("^", "") + "]", cond)
            rules[parts[1]].append((strip, add, re.compile("^" + (cond if cond != "." else ""))))
    return rules


def hunspell_forms(n, seed=1):
    import random
    dic, aff = HUNSPELL + ".dic", HUNSPELL + ".aff"
    if not (os.path.exists(dic) and os.path.exists(aff)):
        return {}
    rules = _affix_rules(aff)
    gold = {}
    for line in open(dic, encoding="utf-8", errors="replace"):
        if "/" not in line:
            continue
        root, flags = line.strip().split("/", 1)
        if not root.isalpha() or not root.islower() or len(root) < 3:
            continue
        for i in range(0, len(flags) - 1, 2):
            f = flags[i:i + 2]
            if f not in FORMS:
                continue
            pflag, suf = FORMS[f]
            if f == "Ka":
                forms = ["ke" + root + suf]
            elif pflag is None:
                forms = [root + suf]
            else:
                forms = [add + root[len(strip):] + suf for strip, add, cond in rules[pflag]
                         if cond.match(root) and root.startswith(strip)]
            for w in forms:
                gold.setdefault(w, root)
    words = sorted(gold)
    random.Random(seed).shuffle(words)
    return {w: gold[w] for w in words[:n]}


def words_of(text):
    return re.findall(r"[^\W\d_]+", text.lower())


def run(cmd, words):
    proc = subprocess.run(
        shlex.split(cmd), input="\n".join(words) + "\n", capture_output=True, text=True, check=False
    )
    if proc.returncode != 0:
        sys.exit(f"{cmd} failed ({proc.returncode}):\n{proc.stderr}")
    lines = proc.stdout.split("\n")
    if len(lines) and lines[-1] == "":
        lines.pop()
    if len(lines) != len(words):
        sys.exit(f"{cmd}: {len(words)} words in, {len(lines)} lines out")
    return [(l.split() or [""])[0] for l in lines]


def compare(title, counts, ours, theirs, show):
    tok = sum(counts.values())
    agree_tok = sum(c for w, c in counts.items() if ours[w] == theirs[w])
    agree_typ = sum(1 for w in counts if ours[w] == theirs[w])
    print(f"== {title}: {len(counts)} types, {tok} tokens")
    print(f"   agreement by token: {100.0 * agree_tok / tok:.2f}%   by type: {100.0 * agree_typ / len(counts):.2f}%")
    diffs = sorted((w for w in counts if ours[w] != theirs[w]), key=lambda w: (-counts[w], w))
    if show and diffs:
        print(f"   disagreements ({len(diffs)}; word count: ours | sastrawi):")
        for w in diffs[:show]:
            print(f"     {w:24} {counts[w]:4}: {ours[w]:18} | {theirs[w]}")
    return agree_tok / tok


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("cmd")
    ap.add_argument("--corpus", default="/work/shared/corpus/seeds/*.txt")
    ap.add_argument("--show", type=int, default=60)
    ap.add_argument("--generated", type=int, default=3000,
                    help="sample size of hunspell-generated affixed forms (0: skip)")
    args = ap.parse_args()

    sastrawi = StemmerFactory().create_stemmer()

    news = collections.Counter()
    for path in sorted(glob.glob(args.corpus)):
        with open(path, encoding="utf-8", errors="replace") as f:
            news.update(words_of(f.read()))
    affixed = collections.Counter()
    for forms in FAMILIES.values():
        for w in forms.split():
            affixed[w] = 1

    generated = hunspell_forms(args.generated) if args.generated else {}
    vocab = sorted(set(news) | set(affixed) | set(generated))
    ours = dict(zip(vocab, run(args.cmd, vocab)))
    theirs = {w: sastrawi.stem(w) for w in vocab}

    if news:
        compare("news (" + args.corpus + ")", news, ours, theirs, args.show)
    else:
        print("== news: no corpus files matched", args.corpus)
    compare("affixed word list", affixed, ours, theirs, args.show)

    if generated:
        compare(f"hunspell-generated affixed forms (sample of {len(generated)})",
                collections.Counter(generated.keys()), ours, theirs, args.show)
        for name, st in (("telusur", ours), ("sastrawi", theirs)):
            ok = sum(1 for w, r in generated.items() if st[w] == r)
            print(f"   reaching the hunspell root, {name}: {100.0 * ok / len(generated):.2f}%")

    # Family coherence: does every member of a family reach the root? (ours and sastrawi)
    for name, st in (("telusur", ours), ("sastrawi", theirs)):
        bad = [(w, st[w], r) for r, forms in FAMILIES.items() for w in forms.split() if st[w] != r]
        total = sum(len(f.split()) for f in FAMILIES.values())
        print(f"== family members reaching their root, {name}: {total - len(bad)}/{total}"
              + ("" if not bad else "; misses: " + ", ".join(f"{w}->{s}" for w, s, _ in bad[:25])))


if __name__ == "__main__":
    main()
