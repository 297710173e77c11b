"""Interface strings in English and French."""

from __future__ import annotations

__all__ = ["LANGUAGES", "t"]

LANGUAGES = ("en", "fr")

_STRINGS: dict[str, dict[str, str]] = {
    "title": {"en": "Reverse mentoring coordinator", "fr": "Coordination du mentorat inversé"},
    "subtitle": {
        "en": "Complementary pairs, next topics and programme health, for French and English "
        "profiles. Everything stays on this machine.",
        "fr": "Binômes complémentaires, prochains sujets et santé du programme, pour des profils "
        "en français et en anglais. Tout reste sur cette machine.",
    },
    "language": {"en": "Language", "fr": "Langue"},
    "tab_people": {"en": "Participants", "fr": "Participants"},
    "tab_pairs": {"en": "Pairs", "fr": "Binômes"},
    "tab_sessions": {"en": "Sessions", "fr": "Séances"},
    "tab_topics": {"en": "Topics", "fr": "Sujets"},
    "tab_insights": {"en": "Insights", "fr": "Tableau de bord"},
    "tab_settings": {"en": "Settings", "fr": "Réglages"},
    "upload": {"en": "People file (CSV, XLSX, JSON)", "fr": "Fichier des participants (CSV, XLSX, JSON)"},
    "upload_notes": {"en": "Session notes file (optional)", "fr": "Fichier des séances (facultatif)"},
    "import": {"en": "Check and import", "fr": "Vérifier et importer"},
    "search": {"en": "Search (name, department, text)", "fr": "Rechercher (nom, service, texte)"},
    "people_table": {"en": "Participants", "fr": "Participants"},
    "edit_person": {"en": "Edit a participant", "fr": "Modifier un participant"},
    "person": {"en": "Participant", "fr": "Participant"},
    "name": {"en": "Name", "fr": "Nom"},
    "years": {"en": "Years of experience", "fr": "Années d'expérience"},
    "department": {"en": "Department", "fr": "Service"},
    "role": {"en": "Role", "fr": "Poste"},
    "languages": {"en": "Languages (e.g. fr;en)", "fr": "Langues (ex. fr;en)"},
    "profile": {"en": "Profile", "fr": "Profil"},
    "offers": {"en": "Can share", "fr": "Peut partager"},
    "wants": {"en": "Wants to learn", "fr": "Souhaite apprendre"},
    "role_preference": {"en": "Role preference", "fr": "Rôle souhaité"},
    "capacity": {"en": "Capacity (mentees)", "fr": "Capacité (mentorés)"},
    "manager": {"en": "Manager id", "fr": "Id du manager"},
    "save": {"en": "Save", "fr": "Enregistrer"},
    "delete": {"en": "Delete (right to erasure)", "fr": "Supprimer (droit à l'effacement)"},
    "confirm_delete": {"en": "I confirm the deletion", "fr": "Je confirme la suppression"},
    "gap": {"en": "Minimum experience gap (years)", "fr": "Écart d'expérience minimum (ans)"},
    "bonus": {"en": "Cross-department bonus", "fr": "Bonus inter-services"},
    "per_mentee": {"en": "Mentors per mentee", "fr": "Mentors par mentoré"},
    "per_mentor": {
        "en": "Max mentees per mentor (0: each person's capacity)",
        "fr": "Mentorés max. par mentor (0 : capacité de chacun)",
    },
    "run": {"en": "Run the matching", "fr": "Lancer l'appariement"},
    "pairs_table": {"en": "Suggested pairs", "fr": "Binômes proposés"},
    "unmatched": {"en": "Not matched", "fr": "Non appariés"},
    "pair": {"en": "Pair", "fr": "Binôme"},
    "accept": {"en": "Accept", "fr": "Accepter"},
    "reject": {"en": "Reject", "fr": "Refuser"},
    "lock": {"en": "Lock / unlock", "fr": "Verrouiller / déverrouiller"},
    "activate": {"en": "Start (active)", "fr": "Démarrer (actif)"},
    "end": {"en": "End", "fr": "Terminer"},
    "export_format": {"en": "Export format", "fr": "Format d'export"},
    "export": {"en": "Export pairs", "fr": "Exporter les binômes"},
    "date": {"en": "Date (YYYY-MM-DD)", "fr": "Date (AAAA-MM-JJ)"},
    "note_text": {"en": "What did you talk about?", "fr": "De quoi avez-vous parlé ?"},
    "rating": {"en": "Rating (1-5)", "fr": "Note (1-5)"},
    "log": {"en": "Log the session", "fr": "Enregistrer la séance"},
    "history": {"en": "Sessions of this pair", "fr": "Séances de ce binôme"},
    "suggest_topics": {"en": "Suggest next topics", "fr": "Proposer les prochains sujets"},
    "how_many": {"en": "How many", "fr": "Combien"},
    "refresh": {"en": "Refresh insights", "fr": "Actualiser"},
    "themes": {"en": "Themes in session notes", "fr": "Thèmes des séances"},
    "at_risk": {"en": "Pairs at risk", "fr": "Binômes à risque"},
    "notes_visible": {
        "en": "Coordinators may read session note texts",
        "fr": "Les coordinateurs peuvent lire le texte des séances",
    },
    "notes_hidden": {
        "en": "Note texts are confidential to the pair in this workspace.",
        "fr": "Le texte des séances est confidentiel au binôme dans cet espace.",
    },
    "imported": {"en": "Imported {n} participant(s).", "fr": "{n} participant(s) importé(s)."},
    "imported_notes": {"en": "Imported {n} session note(s).", "fr": "{n} séance(s) importée(s)."},
    "nothing_stored": {
        "en": "Nothing was imported: fix these problems and upload again.",
        "fr": "Rien n'a été importé : corrigez ces problèmes et recommencez.",
    },
    "no_file": {"en": "Choose a file first.", "fr": "Choisissez d'abord un fichier."},
    "saved": {"en": "Saved.", "fr": "Enregistré."},
    "deleted": {
        "en": "Deleted {id} and everything about them.",
        "fr": "{id} supprimé(e), avec toutes ses données.",
    },
    "confirm_first": {"en": "Tick the confirmation first.", "fr": "Cochez d'abord la confirmation."},
    "choose_person": {"en": "Choose a participant first.", "fr": "Choisissez d'abord un participant."},
    "choose_pair": {"en": "Choose a pair first.", "fr": "Choisissez d'abord un binôme."},
    "status_set": {"en": "{pair}: {status}.", "fr": "{pair} : {status}."},
    "logged": {"en": "Session logged.", "fr": "Séance enregistrée."},
    "matched": {
        "en": "{n} pair(s) proposed, {u} person(s) not matched.",
        "fr": "{n} binôme(s) proposé(s), {u} personne(s) non appariée(s).",
    },
    "starters": {"en": "Conversation starters", "fr": "Pour lancer la conversation"},
    "covered": {"en": "Already covered", "fr": "Déjà abordés"},
    "no_topics": {"en": "No topic to suggest.", "fr": "Aucun sujet à proposer."},
    "sessions_per_month": {"en": "Sessions per month", "fr": "Séances par mois"},
    "score_distribution": {"en": "Pair scores", "fr": "Scores des binômes"},
    "coverage": {"en": "Wants covered by a session", "fr": "Souhaits abordés en séance"},
    "covered_label": {"en": "covered", "fr": "abordés"},
    "not_covered_label": {"en": "not yet", "fr": "pas encore"},
    "no_risk": {"en": "No pair at risk.", "fr": "Aucun binôme à risque."},
    "candidate_topic": {"en": "candidate new topic", "fr": "nouveau sujet possible"},
    "working": {"en": "Working…", "fr": "En cours…"},
}

_COLUMNS: dict[str, dict[str, str]] = {
    "id": {"en": "id", "fr": "id"},
    "name": {"en": "name", "fr": "nom"},
    "years": {"en": "years", "fr": "années"},
    "department": {"en": "department", "fr": "service"},
    "role": {"en": "role", "fr": "poste"},
    "languages": {"en": "languages", "fr": "langues"},
    "preference": {"en": "preference", "fr": "préférence"},
    "mentor": {"en": "mentor", "fr": "mentor"},
    "mentee": {"en": "mentee", "fr": "mentoré"},
    "score": {"en": "score", "fr": "score"},
    "status": {"en": "status", "fr": "statut"},
    "locked": {"en": "locked", "fr": "verrouillé"},
    "reasons": {"en": "reasons", "fr": "raisons"},
    "reason": {"en": "reason", "fr": "raison"},
    "date": {"en": "date", "fr": "date"},
    "rating": {"en": "rating", "fr": "note"},
    "text": {"en": "text", "fr": "texte"},
    "topics": {"en": "topics covered", "fr": "sujets abordés"},
    "theme": {"en": "theme", "fr": "thème"},
    "size": {"en": "notes", "fr": "séances"},
    "trend": {"en": "by month", "fr": "par mois"},
    "nearest": {"en": "nearest topic", "fr": "sujet le plus proche"},
    "flag": {"en": "flag", "fr": "signal"},
    "sessions": {"en": "sessions", "fr": "séances"},
    "last": {"en": "last session", "fr": "dernière séance"},
}


def t(key: str, lang: str, **values: object) -> str:
    """The interface string ``key`` in ``lang`` (English when missing), formatted."""
    entry = _STRINGS.get(key) or _COLUMNS.get(key)
    if entry is None:
        raise KeyError(key)
    text = entry.get(lang, entry["en"])
    return text.format(**values) if values else text


def column(key: str, lang: str) -> str:
    """A table column header in ``lang``."""
    return _COLUMNS[key].get(lang, _COLUMNS[key]["en"])
