"""Language identification on short profile sentences: py3langid against stop-word counting.

Usage:
    python benchmarks/bench_langid.py [--repeat 3]

The texts are short (5 to 20 words) sign-up form answers written by hand for this benchmark
in French, English, Spanish and Portuguese: plain ones, ones typed without accents, ones with
typos, terse keyword lists as forms collect them, and mixed ones (a sentence in one language
full of English technical words, which is how people write about their work). Each is
labelled with its main language.

Prints, in the same run, accuracy per language and milliseconds per text of:

- ``py3langid`` restricted to the four languages of the texts,
- ``py3langid`` restricted to ``recommender.language.langid.DEFAULT_CANDIDATES`` (en fr es pt de it),
- ``py3langid`` restricted to the 15 codes of the default embedder's languages,
- ``py3langid`` with all its languages,
- the baseline: stop-word counts over the four languages.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from recommender.language.langid import DEFAULT_CANDIDATES, EMBEDDER_LANGUAGES, LangidGuesser, StopWordGuesser

# (language, kind, text); kind is plain, noaccent, typo, mixed or terse.
TEXTS: list[tuple[str, str, str]] = [
    # ---------------------------------------------------------------- French
    ("fr", "plain", "Je veux apprendre à utiliser les réseaux sociaux pour recruter."),
    ("fr", "plain", "J'ai dix ans d'expérience en gestion de projet dans l'industrie."),
    ("fr", "plain", "Je peux aider à rédiger des articles scientifiques et des demandes de financement."),
    ("fr", "plain", "Doctorante en biologie, je travaille sur les protéines membranaires."),
    ("fr", "plain", "J'aimerais mieux comprendre comment fonctionne le monde de l'entreprise."),
    ("fr", "plain", "Mes points forts sont la pédagogie et la prise de parole en public."),
    ("fr", "plain", "Je souhaite progresser en leadership et en gestion d'équipe."),
    ("fr", "noaccent", "Je suis etudiant en master et je cherche un stage a l'etranger."),
    ("fr", "noaccent", "J'ai envie de decouvrir la recherche en ecologie marine."),
    ("fr", "noaccent", "Je peux partager mon experience de la these et de la publication."),
    ("fr", "noaccent", "Quelles competences faut il pour devenir maitre de conferences ?"),
    ("fr", "noaccent", "Je connais bien les outils de visualisation de donnees."),
    ("fr", "typo", "je veut aprendre la programation en pyton pour mes analises"),
    ("fr", "typo", "jai travailer 5 ans dans une startup de la santé"),
    ("fr", "typo", "je souhaiterai amélioré mon anglais pour les conférence"),
    ("fr", "typo", "Je pe aider les jeunes chercheur a trouver leur voie"),
    ("fr", "mixed", "Je fais du machine learning et du deep learning sur des images médicales."),
    ("fr", "mixed", "Je gère le compte TikTok et LinkedIn du service recrutement."),
    ("fr", "mixed", "J'aimerais apprendre le cloud computing, Docker et le DevOps."),
    ("fr", "mixed", "Mon job : data scientist, je fais du reporting et des dashboards."),
    ("fr", "mixed", "Je veux savoir comment faire un bon pitch pour une start-up."),
    ("fr", "plain", "Je cherche un mentor pour préparer l'après-thèse."),
    ("fr", "noaccent", "Plus tard je voudrais travailler dans une ONG sur le climat."),
    ("fr", "plain", "Je peux expliquer les statistiques simplement aux débutants."),
    # ---------------------------------------------------------------- English
    ("en", "plain", "I want to learn how to use social media for recruiting."),
    ("en", "plain", "I have ten years of experience in project management in industry."),
    ("en", "plain", "I can help with writing scientific papers and grant applications."),
    ("en", "plain", "PhD student in biology, working on membrane proteins."),
    ("en", "plain", "I would like to understand how the corporate world works."),
    ("en", "plain", "My strengths are teaching and public speaking."),
    ("en", "plain", "I hope to grow as a leader and manage a team."),
    ("en", "plain", "Looking for advice on applying to postdoc positions abroad."),
    ("en", "plain", "I can share what I learned moving from academia to industry."),
    ("en", "plain", "Interested in marine ecology and field work."),
    ("en", "typo", "i wnat to lern more abuot data visualisation and reporting"),
    ("en", "typo", "I can hepl with pyhton and statistcs for beginers"),
    ("en", "typo", "looking for a mentor to discus carrer options after my phd"),
    ("en", "typo", "Id like to improve my presentaton skills and confidance"),
    ("en", "mixed", "I work on NLP for Portuguese and Spanish corpora."),
    ("en", "mixed", "I know the Parisian start-up ecosystem and the French Tech scene."),
    ("en", "mixed", "I would like to learn about the savoir-faire of running a laboratory."),
    ("en", "mixed", "My research is on dengue in Brazil with the Fiocruz institute."),
    ("en", "plain", "I want to understand how hiring committees evaluate candidates."),
    ("en", "plain", "Happy to review CVs and cover letters for industry jobs."),
    ("en", "plain", "I mentor undergraduates in computational neuroscience."),
    ("en", "plain", "Want to build a network in renewable energy research."),
    ("en", "typo", "i can teach git, linux and the comand line"),
    ("en", "plain", "Balancing research and family life is something I can talk about."),
    # ---------------------------------------------------------------- Spanish
    ("es", "plain", "Quiero aprender a usar las redes sociales para reclutar."),
    ("es", "plain", "Tengo diez años de experiencia en gestión de proyectos en la industria."),
    ("es", "plain", "Puedo ayudar con la redacción de artículos científicos y solicitudes de becas."),
    ("es", "plain", "Estudiante de doctorado en biología, trabajo con proteínas de membrana."),
    ("es", "plain", "Me gustaría entender mejor cómo funciona el mundo de la empresa."),
    ("es", "plain", "Mis fortalezas son la enseñanza y hablar en público."),
    ("es", "plain", "Busco consejos para postular a un posdoctorado en el extranjero."),
    ("es", "noaccent", "Me gustaria aprender programacion y analisis de datos."),
    ("es", "noaccent", "Tengo experiencia en investigacion sobre ecologia marina."),
    ("es", "noaccent", "Puedo compartir mi experiencia con la tesis y las publicaciones."),
    ("es", "noaccent", "Quiero saber como conseguir financiacion para mi laboratorio."),
    ("es", "noaccent", "Soy profesora en la universidad y me interesa la divulgacion."),
    ("es", "typo", "kiero mejorar mi ingles para las conferencias internacionales"),
    ("es", "typo", "puedo aiudar con estadistica y con R para principiantes"),
    ("es", "typo", "me gustaria conoser gente que trabaje en la industria farmaceutica"),
    ("es", "typo", "estoi buscando orientacion para mi carrera despues del doctorado"),
    ("es", "mixed", "Trabajo en machine learning y computer vision para imágenes satelitales."),
    ("es", "mixed", "Quiero aprender sobre cloud computing y DevOps en la empresa."),
    ("es", "mixed", "Hago el marketing digital en Instagram y TikTok de la startup."),
    ("es", "mixed", "Me interesa el networking y el soft skills training."),
    ("es", "plain", "Puedo explicar la estadística de manera sencilla a los principiantes."),
    ("es", "plain", "Me interesa la política científica y la comunicación con el público."),
    ("es", "plain", "Quisiera equilibrar mejor la investigación y la vida familiar."),
    ("es", "noaccent", "Busco un mentor que me ayude a preparar entrevistas de trabajo."),
    # ---------------------------------------------------------------- Portuguese
    ("pt", "plain", "Quero aprender a usar as redes sociais para recrutar."),
    ("pt", "plain", "Tenho dez anos de experiência em gestão de projetos na indústria."),
    ("pt", "plain", "Posso ajudar com a escrita de artigos científicos e pedidos de bolsa."),
    ("pt", "plain", "Estudante de doutorado em biologia, trabalho com proteínas de membrana."),
    ("pt", "plain", "Gostaria de entender melhor como funciona o mundo das empresas."),
    ("pt", "plain", "Meus pontos fortes são o ensino e falar em público."),
    ("pt", "plain", "Procuro conselhos para fazer um pós-doutorado no exterior."),
    ("pt", "noaccent", "Gostaria de aprender programacao e analise de dados."),
    ("pt", "noaccent", "Tenho experiencia em pesquisa sobre ecologia marinha."),
    ("pt", "noaccent", "Posso compartilhar minha experiencia com a tese e as publicacoes."),
    ("pt", "noaccent", "Quero saber como conseguir financiamento para o meu laboratorio."),
    ("pt", "noaccent", "Sou professora na universidade e me interesso por divulgacao cientifica."),
    ("pt", "typo", "qero melhorar meu ingles para as conferencias internacionais"),
    ("pt", "typo", "posso ajuda com estatistica e com R para iniciantes"),
    ("pt", "typo", "gostaria de conhecer pessoas que trabalhao na industria farmaceutica"),
    ("pt", "typo", "estou procurando orientaçao para minha carreira depois do doutorado"),
    ("pt", "mixed", "Trabalho com machine learning e computer vision para imagens de satélite."),
    ("pt", "mixed", "Quero aprender sobre cloud computing e DevOps na empresa."),
    ("pt", "mixed", "Faço o marketing digital no Instagram e TikTok da startup."),
    ("pt", "mixed", "Tenho interesse em networking e em soft skills para a carreira."),
    ("pt", "plain", "Posso explicar estatística de forma simples para iniciantes."),
    ("pt", "plain", "Tenho interesse em política científica e comunicação com o público."),
    ("pt", "plain", "Gostaria de equilibrar melhor a pesquisa e a vida familiar."),
    ("pt", "noaccent", "Procuro um mentor que me ajude a preparar entrevistas de emprego."),
    # ------------------------------------------- terse answers: keyword lists, few stop words
    ("fr", "terse", "Bioinformatique, génomique, biologie computationnelle, statistiques bayésiennes."),
    ("fr", "terse", "Écologie marine, océanographie, conservation des récifs coralliens."),
    ("fr", "terse", "Rédaction scientifique, financement, recrutement, gestion d'équipe."),
    ("fr", "terse", "Neurosciences cognitives, imagerie cérébrale, mémoire, sommeil."),
    ("fr", "terse", "Chimie organique, synthèse totale, catalyse asymétrique."),
    ("fr", "terse", "Vulgarisation, enseignement, pédagogie active, évaluation."),
    ("fr", "terse", "Reconversion professionnelle, entrepreneuriat, propriété intellectuelle, brevets."),
    ("fr", "terse", "Épidémiologie, santé publique, maladies infectieuses tropicales."),
    ("en", "terse", "Bioinformatics, genomics, computational biology, Bayesian statistics."),
    ("en", "terse", "Marine ecology, oceanography, coral reef conservation."),
    ("en", "terse", "Scientific writing, fundraising, hiring, team management."),
    ("en", "terse", "Cognitive neuroscience, brain imaging, memory, sleep research."),
    ("en", "terse", "Organic chemistry, total synthesis, asymmetric catalysis."),
    ("en", "terse", "Outreach, teaching, active learning, assessment design."),
    ("en", "terse", "Career change, entrepreneurship, intellectual property, patents."),
    ("en", "terse", "Epidemiology, public health, tropical infectious diseases."),
    ("es", "terse", "Bioinformática, genómica, biología computacional, estadística bayesiana."),
    ("es", "terse", "Ecología marina, oceanografía, conservación de arrecifes de coral."),
    ("es", "terse", "Redacción científica, financiación, contratación, gestión de equipos."),
    ("es", "terse", "Neurociencia cognitiva, neuroimagen, memoria, sueño."),
    ("es", "terse", "Química orgánica, síntesis total, catálisis asimétrica."),
    ("es", "terse", "Divulgación, docencia, aprendizaje activo, evaluación."),
    ("es", "terse", "Cambio de carrera, emprendimiento, propiedad intelectual, patentes."),
    ("es", "terse", "Epidemiología, salud pública, enfermedades infecciosas tropicales."),
    ("pt", "terse", "Bioinformática, genômica, biologia computacional, estatística bayesiana."),
    ("pt", "terse", "Ecologia marinha, oceanografia, conservação de recifes de coral."),
    ("pt", "terse", "Redação científica, financiamento, contratação, gestão de equipes."),
    ("pt", "terse", "Neurociência cognitiva, neuroimagem, memória, sono."),
    ("pt", "terse", "Química orgânica, síntese total, catálise assimétrica."),
    ("pt", "terse", "Divulgação, ensino, aprendizagem ativa, avaliação."),
    ("pt", "terse", "Mudança de carreira, empreendedorismo, propriedade intelectual, patentes."),
    ("pt", "terse", "Epidemiologia, saúde pública, doenças infecciosas tropicais."),
]

LANGUAGES = ("fr", "en", "es", "pt")


def _evaluate(classify: Callable[[str], str], repeat: int) -> tuple[dict[str, float], float, list]:
    """Accuracy per language (and overall), ms per text, and the misses."""
    hits = {lang: 0 for lang in LANGUAGES}
    totals = {lang: 0 for lang in LANGUAGES}
    misses = []
    for lang, kind, text in TEXTS:
        got = classify(text)
        totals[lang] += 1
        if got == lang:
            hits[lang] += 1
        else:
            misses.append((lang, kind, got, text))
    start = time.perf_counter()
    for _ in range(repeat):
        for _, _, text in TEXTS:
            classify(text)
    ms = 1000 * (time.perf_counter() - start) / (repeat * len(TEXTS))
    accuracy = {lang: hits[lang] / totals[lang] for lang in LANGUAGES}
    accuracy["all"] = sum(hits.values()) / sum(totals.values())
    return accuracy, ms, misses


def _by_kind(classify: Callable[[str], str]) -> dict[str, float]:
    kinds = sorted({k for _, k, _ in TEXTS})
    return {k: sum(classify(t) == lang for lang, kk, t in TEXTS if kk == k)
            / sum(1 for _, kk, _ in TEXTS if kk == k) for k in kinds}


def main(argv: Sequence[str] | None = None) -> None:
    """Run every method on the same texts and print one table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="timing passes over the texts")
    parser.add_argument("--show-misses", action="store_true", help="print every wrong guess")
    args = parser.parse_args(argv)

    counts = {lang: sum(1 for x, _, _ in TEXTS if x == lang) for lang in LANGUAGES}
    lengths = [len(t.split()) for _, _, t in TEXTS]
    print(f"{len(TEXTS)} texts ({', '.join(f'{k} {v}' for k, v in counts.items())}), "
          f"{min(lengths)}-{max(lengths)} words")

    start = time.perf_counter()
    full = LangidGuesser(candidates=DEFAULT_CANDIDATES)
    load_s = time.perf_counter() - start
    print(f"py3langid model load: {load_s:.2f} s (once per import)")

    import py3langid.langid as pl

    everything = pl.LanguageIdentifier.from_model_file(pl.MODEL_FILE, norm_probs=True)
    methods: list[tuple[str, Callable[[str], str]]] = [
        ("py3langid, 4 languages", LangidGuesser(LANGUAGES).classify_code),
        (f"py3langid, {len(DEFAULT_CANDIDATES)} (default)", full.classify_code),
        (f"py3langid, {len(EMBEDDER_LANGUAGES)} (embedder)",
         LangidGuesser(EMBEDDER_LANGUAGES).classify_code),
        (f"py3langid, all {len(everything.labels)}", lambda t: str(everything.classify(t)[0])),
        ("baseline: stop words", StopWordGuesser(LANGUAGES).classify_code),
    ]
    header = f"{'method':32} " + " ".join(f"{x:>6}" for x in (*LANGUAGES, "all")) + "  ms/text"
    print(header)
    print("-" * len(header))
    all_misses = {}
    for name, classify in methods:
        accuracy, ms, misses = _evaluate(classify, args.repeat)
        all_misses[name] = misses
        cells = " ".join(f"{accuracy[x]:6.1%}" for x in (*LANGUAGES, "all"))
        print(f"{name:32} {cells}  {ms:7.3f}")
    print()
    print("accuracy by kind of text:")
    for name, classify in methods:
        kinds = _by_kind(classify)
        print(f"  {name:30} " + "  ".join(f"{k} {v:.0%}" for k, v in kinds.items()))
    if args.show_misses:
        for name, misses in all_misses.items():
            print(f"\n{name}: {len(misses)} misses")
            for lang, kind, got, text in misses:
                print(f"  {lang}->{got} [{kind}] {text}")


if __name__ == "__main__":
    main()
