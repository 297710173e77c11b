"""Interface strings in English and French."""

from __future__ import annotations

from ..language.formats import WRITTEN_LANGUAGES

__all__ = ["LANGUAGES", "LEVELS", "column", "level_floor", "level_of", "t", "word"]

LANGUAGES = WRITTEN_LANGUAGES

_STRINGS: dict[str, dict[str, str]] = {
    "title": {"en": "Mentoring coordinator", "fr": "Coordination du mentorat"},
    "title_reverse": {"en": "Reverse mentoring coordinator",
                      "fr": "Coordination du mentorat inversé"},
    "title_classic": {"en": "Mentoring coordinator", "fr": "Coordination du mentorat"},
    "title_peer": {"en": "Peer mentoring coordinator",
                   "fr": "Coordination du mentorat entre pairs"},
    "start_here": {
        "en": "**Start here.** This programme has no participants yet.\n\n1. Under "
              "*Participants*, upload the sign-up form export(s) (CSV, XLSX or JSON; one per "
              "form, e.g. mentors and mentees) and click *Check and import*: a form's "
              "columns are mapped in a step you check.\n2. Under *Pairs*, set who mentors "
              "whom and run the matching.\n3. Review and accept the pairs, then log sessions.",
        "fr": "**Par où commencer.** Ce programme n'a pas encore de participants.\n\n1. Sous "
              "*Participants*, déposez l'export du ou des formulaires d'inscription (CSV, "
              "XLSX ou JSON ; un par formulaire, par ex. mentors et mentorés) et cliquez sur "
              "*Vérifier et importer* : les colonnes d'un formulaire sont associées dans une "
              "étape que vous vérifiez.\n2. Sous *Binômes*, indiquez qui est le mentor et "
              "lancez l'appariement.\n3. Examinez et acceptez les binômes, puis enregistrez "
              "les séances.",
    },
    "count_people": {
        "en": "**{n} participant(s)** ({mentor} mentor(s), {mentee} mentee(s), {either} "
              "either)",
        "fr": "**{n} participant(s)** ({mentor} mentor(s), {mentee} mentoré(s), {either} "
              "l'un ou l'autre)",
    },
    "count_pairs": {"en": "pairs ({pairs})", "fr": "binômes ({pairs})"},
    "count_status": {"en": "{status}: {n}", "fr": "{status} : {n}"},
    "next_match": {"en": "next: run the matching under *Pairs*.",
                   "fr": "ensuite : lancez l'appariement sous *Binômes*."},
    "next_review": {"en": "next: review the proposed pairs under *Pairs*.",
                    "fr": "ensuite : examinez les binômes proposés sous *Binômes*."},
    "help_pairs": {
        "en": "Set who mentors whom and the programme's rules, run the matching, then click a "
              "row to review a pair and decide: accept, reject, start, end, or reopen a "
              "rejected pair. *Undo* puts back your last decision. Rejected pairs are listed "
              "with the status filter set to *rejected*.",
        "fr": "Indiquez qui est le mentor et les règles du programme, lancez l'appariement, "
              "puis cliquez sur une ligne pour examiner un binôme et décider : accepter, "
              "refuser, démarrer, terminer, ou rouvrir un binôme refusé. *Annuler* défait "
              "votre dernière décision. Les binômes refusés s'affichent avec le filtre de "
              "statut sur *refusé*.",
    },
    "help_topics": {
        "en": "Choose an accepted or active pair: the next topics answer the mentee's wishes "
              "with the mentor's strengths and skip what their sessions already covered. They "
              "come from the topic catalogue below: the shipped one (corporate reverse "
              "mentoring) or your programme's own.",
        "fr": "Choisissez un binôme accepté ou actif : les prochains sujets répondent aux "
              "souhaits du mentoré avec les points forts du mentor et écartent ce que les "
              "séances ont déjà abordé. Ils viennent du catalogue de sujets ci-dessous : celui "
              "fourni (mentorat inversé en entreprise) ou celui de votre programme.",
    },
    "help_insights": {
        "en": "The programme's health: sessions per month, pair scores, the wishes sessions "
              "covered, pairs at risk (no session for a while, falling ratings, drifting "
              "topics) and the themes of session notes.",
        "fr": "La santé du programme : séances par mois, scores des binômes, souhaits abordés "
              "en séance, binômes à risque (pas de séance depuis longtemps, notes en baisse, "
              "sujets qui dérivent) et thèmes des séances.",
    },
    "catalogue_box": {"en": "Topic catalogue", "fr": "Catalogue de sujets"},
    "catalogue_shipped_in_use": {
        "en": "In use: the shipped catalogue ({n} corporate reverse-mentoring topics, in "
              "{languages}). Load or type your programme's own if its subjects differ.",
        "fr": "En service : le catalogue fourni ({n} sujets de mentorat inversé en "
              "entreprise, en {languages}). Chargez ou saisissez celui de votre programme "
              "si ses sujets diffèrent.",
    },
    "catalogue_own": {
        "en": "In use: this programme's own catalogue ({n} topics, in {languages}).",
        "fr": "En service : le catalogue de ce programme ({n} sujets, en {languages}).",
    },
    "catalogue_help": {
        "en": "One row per topic and language: `id` (the same for every language of a "
              "topic), `language` (en, fr…), `category`, `title`, `description`, `starters` "
              "(questions separated by |). A file has the same columns (CSV, XLSX) or the "
              "shipped JSON's shape.",
        "fr": "Une ligne par sujet et par langue : `id` (le même pour toutes les langues d'un "
              "sujet), `language` (en, fr…), `category`, `title` (titre), `description`, "
              "`starters` (questions séparées par |). Un fichier a les mêmes colonnes (CSV, "
              "XLSX) ou la forme du JSON fourni.",
    },
    "catalogue_file": {"en": "Catalogue file (CSV, XLSX, JSON)",
                       "fr": "Fichier de catalogue (CSV, XLSX, JSON)"},
    "catalogue_load": {"en": "Use this file's catalogue", "fr": "Utiliser le catalogue du fichier"},
    "catalogue_table": {"en": "Topics (editable)", "fr": "Sujets (modifiables)"},
    "catalogue_save": {"en": "Save the table as the catalogue",
                       "fr": "Enregistrer le tableau comme catalogue"},
    "catalogue_shipped": {"en": "Go back to the shipped catalogue",
                          "fr": "Revenir au catalogue fourni"},
    "catalogue_msg": {"en": "Catalogue", "fr": "Catalogue"},
    "catalogue_loaded": {"en": "Catalogue of {n} topic(s) loaded from {file}: next topics "
                               "come from it.",
                         "fr": "Catalogue de {n} sujet(s) chargé depuis {file} : les "
                               "prochains sujets en viennent."},
    "catalogue_saved": {"en": "Catalogue of {n} topic(s) saved.",
                        "fr": "Catalogue de {n} sujet(s) enregistré."},
    "catalogue_reset": {"en": "Back to the shipped catalogue ({n} topics).",
                        "fr": "Retour au catalogue fourni ({n} sujets)."},
    "catalogue_empty": {"en": "The table is empty: nothing saved.",
                        "fr": "Le tableau est vide : rien n'est enregistré."},
    "catalogue_not_saved": {"en": "Catalogue not saved: fix these rows.",
                            "fr": "Catalogue non enregistré : corrigez ces lignes."},
    "catalogue_source": {"en": "the catalogue table", "fr": "le tableau du catalogue"},
    "topics_from_cohort_in_use": {
        "en": "Too few of the wishes are answered: next topics are drawn from the programme's "
              "own wishes (below), until you save a catalogue.",
        "fr": "Trop peu de souhaits y trouvent réponse : les prochains sujets sont tirés des "
              "souhaits du programme (ci-dessous), jusqu'à ce que vous enregistriez un "
              "catalogue.",
    },
    "cohort_draw": {"en": "Draw topics from this programme's wishes",
                    "fr": "Tirer des sujets des souhaits du programme"},
    "cohort_table": {"en": "Drawn topics: the people whose wishes each gathers",
                     "fr": "Sujets tirés : les personnes dont chacun rassemble les souhaits"},
    "cohort_drawn": {
        "en": "{n} topic(s) drawn from {wishes} wish(es) of this programme, now in the table: "
              "rename them, delete rows, merge topics, then save the table as the catalogue.",
        "fr": "{n} sujet(s) tiré(s) de {wishes} souhait(s) de ce programme, placés dans le "
              "tableau : renommez-les, supprimez des lignes, fusionnez des sujets, puis "
              "enregistrez le tableau comme catalogue.",
    },
    "cohort_none": {"en": "Nobody has said what they want to learn yet: no topic to draw.",
                    "fr": "Personne n'a encore dit ce qu'il veut apprendre : aucun sujet à "
                          "tirer."},
    "merge_ids": {"en": "Topics to merge (ids, separated by commas)",
                  "fr": "Sujets à fusionner (id, séparés par des virgules)"},
    "merge_title": {"en": "Title of the merged topic (optional)",
                    "fr": "Titre du sujet fusionné (facultatif)"},
    "merge_btn": {"en": "Merge in the table", "fr": "Fusionner dans le tableau"},
    "merged": {"en": "Merged in the table: {ids}. Save the table to keep it.",
               "fr": "Fusionnés dans le tableau : {ids}. Enregistrez le tableau pour garder "
                     "la fusion."},
    "not_merged": {"en": "Nothing merged:", "fr": "Rien n'est fusionné :"},
    # pair kits
    "checkin_box": {"en": "Check-in answers", "fr": "Réponses aux points d'étape"},
    "checkin_files": {"en": "Filled check-in forms (CSV, XLSX)",
                      "fr": "Formulaires de point d'étape remplis (CSV, XLSX)"},
    "checkin_import": {"en": "Import the answers", "fr": "Importer les réponses"},
    "checkin_msg_label": {"en": "Check-in import", "fr": "Import des points d'étape"},
    "invalid_email": {"en": "{name}: '{address}' is not an e-mail address and is left out "
                            "(correct it under Participants).",
                      "fr": "{name} : « {address} » n'est pas une adresse électronique, elle "
                            "est écartée (corrigez-la sous Participants)."},
    "long_mailto": {"en": "This introduction is long for a link: some mail clients (Outlook "
                          "on Windows) cut it. The .eml holds all of it.",
                    "fr": "Cette présentation est longue pour un lien : certaines messageries "
                          "(Outlook sous Windows) la coupent. Le .eml la contient en entier."},
    "checkin_none": {"en": "Choose the filled check-in form(s) first.",
                     "fr": "Choisissez d'abord le ou les formulaires de point d'étape remplis."},
    "checkin_done": {"en": "{stored} session note(s) stored from {pairs} pair(s).",
                     "fr": "{stored} séance(s) enregistrée(s), de {pairs} binôme(s)."},
    "checkin_duplicates": {"en": "{n} answer(s) already stored, left out.",
                           "fr": "{n} réponse(s) déjà enregistrée(s), ignorée(s)."},
    "checkin_missing": {"en": "No answer yet from {n} pair(s):",
                        "fr": "Pas encore de réponse de {n} binôme(s) :"},
    "checkin_all": {"en": "Every pair answered.", "fr": "Tous les binômes ont répondu."},
    "report_label": {"en": "Import report", "fr": "Compte rendu de l'import"},
    "summary_label": {"en": "Matching result", "fr": "Résultat de l'appariement"},
    "decision_label": {"en": "Decision", "fr": "Décision"},
    "person_msg_label": {"en": "Edit result", "fr": "Résultat de la modification"},
    "manual_msg_label": {"en": "Manual pair result", "fr": "Résultat du binôme manuel"},
    "log_msg_label": {"en": "Session log result", "fr": "Résultat de l'enregistrement"},
    "rules_msg_label": {"en": "Rules check", "fr": "Vérification des règles"},
    "overview_label": {"en": "Programme status", "fr": "État du programme"},
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
    "direction": {"en": "Who mentors whom", "fr": "Qui est le mentor"},
    "direction_reverse": {"en": "Reverse mentoring: the junior mentors the senior",
                          "fr": "Mentorat inversé : le junior accompagne le senior"},
    "direction_classic": {"en": "Classic: the more senior mentors",
                          "fr": "Classique : le plus expérimenté est le mentor"},
    "direction_peer": {"en": "Peers: no seniority rule",
                       "fr": "Entre pairs : pas de règle d'ancienneté"},
    "min_score": {"en": "Minimum score of a proposed pair",
                  "fr": "Score minimum d'un binôme proposé"},
    "rules_box": {"en": "Programme rules", "fr": "Règles du programme"},
    "rules_label": {"en": "Rules (JSON or TOML)", "fr": "Règles (JSON ou TOML)"},
    "rules_save": {"en": "Save the rules", "fr": "Enregistrer les règles"},
    "rules_saved": {"en": "Rules saved: the next matching run applies them.",
                    "fr": "Règles enregistrées : le prochain appariement les applique."},
    "rules_bad": {"en": "Rules not saved: {why}", "fr": "Règles non enregistrées : {why}"},
    "rules_help": {
        "en": "Each rule is hard (it forbids pairs) or gives points (a pair's text match is "
              "worth about 0.3 to 0.9). **levels**: a ladder (`academic`, `civil-service`, "
              "`corporate`, or your own steps, low to high) and how many steps apart a mentor "
              "and a mentee may be (`min_steps`, `max_steps`, `points` per distance); it "
              "replaces the years gap. **same**: a shared `department`, `location`, `role` "
              "or attribute is `forbid`den, `require`d or worth `points`. **identity**: points "
              "for a mentor sharing the identity a mentee asked to be matched on. "
              "**time_zone**: `max_hours` apart, `weight` for the same zone. "
              "**preferences**: `hard` (the conditions people stated on a partner must hold) "
              "or `off`. Details: docs/rules.md.",
        "fr": "Chaque règle est stricte (elle interdit des binômes) ou donne des points (la "
              "correspondance des textes d'un binôme vaut environ 0,3 à 0,9). **levels** : "
              "une échelle (`academic`, `civil-service`, `corporate`, ou vos propres "
              "échelons, du plus bas au plus haut) et l'écart d'échelons permis entre mentor "
              "et mentoré (`min_steps`, `max_steps`, `points` par écart) ; elle remplace "
              "l'écart en années. **same** : un `department`, `location`, `role` ou attribut "
              "partagé est interdit (`forbid`), exigé (`require`) ou vaut des points "
              "(`points`). **identity** : des points pour un mentor qui partage l'identité "
              "sur laquelle un mentoré a demandé à être apparié. **time_zone** : `max_hours` "
              "d'écart au plus, `weight` pour le même fuseau. **preferences** : `hard` (les "
              "conditions exprimées sur le binôme doivent tenir) ou `off`. Détails : "
              "docs/rules.md.",
    },
    "pairs_table": {"en": "Suggested pairs", "fr": "Binômes proposés"},
    "unmatched": {"en": "Not matched", "fr": "Non appariés"},
    "pair": {"en": "Pair", "fr": "Binôme"},
    "accept": {"en": "Accept", "fr": "Accepter"},
    "reject": {"en": "Reject", "fr": "Refuser"},
    "lock": {"en": "Lock", "fr": "Verrouiller"},
    "unlock": {"en": "Unlock", "fr": "Déverrouiller"},
    "activate": {"en": "Start (active)", "fr": "Démarrer (actif)"},
    "end": {"en": "End", "fr": "Terminer"},
    "reopen": {"en": "Reopen", "fr": "Rouvrir"},
    "export_format": {"en": "Export format", "fr": "Format d'export"},
    "export": {"en": "Export pairs", "fr": "Exporter les binômes"},
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
    "more_problems": {"en": "and {n} more problem(s) in {rows} row(s)",
                      "fr": "et {n} autre(s) problème(s) dans {rows} ligne(s)"},
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
    "no_sessions_yet": {"en": "No session logged yet", "fr": "Aucune séance enregistrée"},
    "no_pairs_yet": {"en": "No pair yet: run the matching", "fr": "Aucun binôme : lancez "
                     "l'appariement"},
    "no_risk": {"en": "No pair at risk.", "fr": "Aucun binôme à risque."},
    "candidate_topic": {"en": "candidate new topic", "fr": "nouveau sujet possible"},
    "working": {"en": "Working…", "fr": "En cours…"},
    "date": {"en": "Date (YYYY-MM-DD)", "fr": "Date (JJ/MM/AAAA)"},
    "pick_date": {"en": "or pick it", "fr": "ou choisissez-la"},
    "bad_date": {
        "en": "The date '{value}' is not a date: write it as YYYY-MM-DD (e.g. 2026-11-28).",
        "fr": "La date « {value} » n'est pas une date : écrivez-la JJ/MM/AAAA (ex. 28/11/2026).",
    },
    "not_saved": {
        "en": "Not saved: fix these fields.", "fr": "Non enregistré : corrigez ces champs.",
    },
    "not_logged": {
        "en": "Not logged: fix this.", "fr": "Séance non enregistrée : corrigez ceci.",
    },
    "export_file": {"en": "Exported file", "fr": "Fichier exporté"},
    # pair kits: the introduction, .eml and .ics of a pair, and a zip of the accepted ones
    "kit": {"en": "Kit: introduce this pair", "fr": "Kit : présenter ce binôme"},
    "kits_accepted": {"en": "Kits for accepted pairs (zip)",
                      "fr": "Kits des binômes acceptés (zip)"},
    "kit_msg_label": {"en": "Kit result", "fr": "Résultat du kit"},
    "kit_files": {"en": "Kit files (.eml, .ics, zip)", "fr": "Fichiers du kit (.eml, .ics, zip)"},
    "kit_title": {"en": "Introduction of {pair}, in {language}",
                  "fr": "Présentation de {pair}, en {language}"},
    "kit_to": {"en": "To:", "fr": "À :"},
    "kit_subject": {"en": "Subject:", "fr": "Objet :"},
    "kit_no_email": {"en": "no e-mail address known: add them under Participants, or fill "
                           "them in your mail client",
                     "fr": "aucune adresse connue : ajoutez-les sous Participants, ou "
                           "saisissez-les dans votre messagerie"},
    "kit_meeting": {"en": "First meeting proposed (the .ics): {when}, local time.",
                    "fr": "Première rencontre proposée (le .ics) : {when}, heure locale."},
    "kit_outside": {"en": "Their working days do not overlap: this time is outside someone's "
                          "usual hours.",
                    "fr": "Leurs journées de travail ne se recouvrent pas : ce créneau sort "
                          "des horaires habituels de l'un d'eux."},
    "kit_mailto": {"en": "Open in your mail client", "fr": "Ouvrir dans la messagerie"},
    "kit_files_hint": {"en": "or download the .eml (a draft to send) and the .ics below. "
                             "Nothing is sent by Tandem.",
                       "fr": "ou téléchargez ci-dessous le .eml (un brouillon à envoyer) et "
                             "le .ics. Tandem n'envoie rien."},
    "kit_ready": {"en": "Kit of {pair} ready: read it below, then send it from your mail "
                        "client.",
                  "fr": "Kit de {pair} prêt : relisez-le ci-dessous, puis envoyez-le depuis "
                        "votre messagerie."},
    "kit_not_kept": {"en": "Kits are for accepted or active pairs: accept this pair first.",
                     "fr": "Les kits sont pour les binômes acceptés ou actifs : acceptez "
                           "d'abord ce binôme."},
    "kit_error": {"en": "No kit: {why}", "fr": "Pas de kit : {why}"},
    "kits_none": {"en": "No accepted pair yet: accept pairs first.",
                  "fr": "Aucun binôme accepté pour l'instant : acceptez d'abord des binômes."},
    "kits_done": {"en": "{n} kit(s) in the zip, with index.html (a mailto: link per pair) and "
                        "the check-in form. Nothing was sent.",
                  "fr": "{n} kit(s) dans le zip, avec index.html (un lien mailto: par binôme) "
                        "et le formulaire de point d'étape. Rien n'a été envoyé."},
    "settings_box": {"en": "Matching settings", "fr": "Réglages de l'appariement"},
    "filter_status": {"en": "Status", "fr": "Statut"},
    "filter_level": {"en": "Match level", "fr": "Niveau d'accord"},
    "filter_department": {"en": "Department", "fr": "Service"},
    "all": {"en": "all", "fr": "tous"},
    "bulk_level": {"en": "Accept every proposed pair rated", "fr": "Accepter chaque binôme proposé noté"},
    "bulk_accept": {
        "en": "Accept all at this level or above", "fr": "Tout accepter à ce niveau ou au-dessus",
    },
    "bulk_done": {
        "en": "Accepted {n} proposed pair(s) rated {level} or above.",
        "fr": "{n} binôme(s) proposé(s) noté(s) {level} ou mieux accepté(s).",
    },
    "bulk_stale": {
        "en": "{n} pair(s) changed meanwhile and were left as they are.",
        "fr": "{n} binôme(s) modifié(s) entre-temps, laissé(s) tels quels.",
    },
    "review_title": {"en": "Review the selected pair", "fr": "Examiner le binôme choisi"},
    "review_hint": {
        "en": "Click a row of the table to review that pair.",
        "fr": "Cliquez sur une ligne du tableau pour examiner ce binôme.",
    },
    "levels_explained": {
        "en": "**How to read the match**: strong ≥ {strong}, good ≥ {good}, fair ≥ {fair}, "
        "weak below. The percentage adds up the parts: how well what the mentor can share "
        "answers the mentee's wishes, the rare words both write (tools, acronyms), what the "
        "mentee can share in return, and a bonus for different departments.",
        "fr": "**Lire l'accord** : fort ≥ {strong}, bon ≥ {good}, moyen ≥ {fair}, faible en "
        "dessous. Le pourcentage additionne les parts : ce que le mentor peut partager "
        "répond-il aux souhaits du mentoré, les mots rares écrits des deux côtés (outils, "
        "sigles), ce que le mentoré peut partager en retour, et un bonus quand les services "
        "diffèrent.",
    },
    "as_mentor": {"en": "Mentor", "fr": "Mentor"},
    "as_mentee": {"en": "Mentee", "fr": "Mentoré"},
    "years_exp": {"en": "{years} years of experience", "fr": "{years} ans d'expérience"},
    "match": {"en": "{level} match: {percent}", "fr": "Accord {level} : {percent}"},
    "part_coverage": {
        "en": "What the mentor can share meets the mentee's wishes",
        "fr": "Ce que le mentor peut partager répond aux souhaits du mentoré",
    },
    "part_reverse": {
        "en": "What the mentee can share in return", "fr": "Ce que le mentoré peut partager en retour",
    },
    "part_cross_department": {"en": "Different departments", "fr": "Services différents"},
    "part_lexical": {
        "en": "Words the mentee's wishes and the mentor's offers share",
        "fr": "Mots communs aux souhaits du mentoré et aux offres du mentor",
    },
    "part_programme": {"en": "Programme rules (levels, shared answers, time zones)",
                       "fr": "Règles du programme (niveaux, réponses communes, fuseaux)"},
    "part_other": {"en": "Other", "fr": "Autre"},
    "legend_main": {
        "en": "highlighted: the wish and the offer the match rests on",
        "fr": "surligné : le souhait et l'offre sur lesquels repose l'accord",
    },
    "legend_reverse": {"en": "the exchange in return", "fr": "l'échange en retour"},
    "alt_mentors": {"en": "Other mentors for {name}", "fr": "Autres mentors pour {name}"},
    "alt_mentees": {"en": "Other mentees for {name}", "fr": "Autres mentorés pour {name}"},
    "no_alternative": {"en": "Nobody else is eligible.", "fr": "Personne d'autre n'est éligible."},
    "pair_is": {"en": "Status: {status}{lock}", "fr": "Statut : {status}{lock}"},
    "locked_suffix": {"en": ", locked", "fr": ", verrouillé"},
    "undo": {"en": "Undo", "fr": "Annuler"},
    "undo_nothing": {"en": "No decision to undo on this page.",
                     "fr": "Aucune décision à annuler sur cette page."},
    "undone": {"en": "Undone: {what}.", "fr": "Annulé : {what}."},
    "undo_stale": {
        "en": "{n} pair(s) changed since and were left as they are.",
        "fr": "{n} binôme(s) modifié(s) depuis, laissé(s) tels quels.",
    },
    "manual_exists": {"en": "{pair} is already {status}.", "fr": "{pair} est déjà {status}."},
    "manual_reopened": {
        "en": "{pair} was {status}: now accepted.",
        "fr": "{pair} était {status} : maintenant accepté.",
    },
    "future_date": {
        "en": "Not logged: {date} is in the future. Log a session once it took place.",
        "fr": "Séance non enregistrée : le {date} est dans le futur. Enregistrez une séance "
              "une fois qu'elle a eu lieu.",
    },
    "stale": {
        "en": "Not applied: someone changed this pair since it was shown ({detail}). "
        "The page now shows it as it is: decide again.",
        "fr": "Non appliqué : quelqu'un a modifié ce binôme depuis son affichage ({detail}). "
        "La page le montre maintenant tel qu'il est : décidez à nouveau.",
    },
    "stale_detail": {"en": "it is now {status}", "fr": "il est maintenant {status}"},
    "stale_gone": {"en": "it no longer exists", "fr": "il n'existe plus"},
    "manual_title": {"en": "Pair two people by hand", "fr": "Former un binôme à la main"},
    "manual_mentor": {"en": "Mentor", "fr": "Mentor"},
    "manual_mentee": {"en": "Mentee", "fr": "Mentoré"},
    "manual_pair": {"en": "Check the rules and pair them", "fr": "Vérifier les règles et les apparier"},
    "manual_forbidden": {
        "en": "{pair} cannot be paired: {reasons}.",
        "fr": "{pair} ne peut pas être formé : {reasons}.",
    },
    "manual_done": {
        "en": "{pair} paired by hand and accepted ({match}).",
        "fr": "{pair} formé à la main et accepté ({match}).",
    },
    "choose_two": {"en": "Choose a mentor and a mentee.", "fr": "Choisissez un mentor et un mentoré."},
    "same_person": {"en": "Choose two different people.", "fr": "Choisissez deux personnes différentes."},
    "unmatched_none": {"en": "Everybody has a pair.", "fr": "Tout le monde a un binôme."},
    "map_title": {"en": "Map the columns of the sign-up form", "fr": "Associer les colonnes du formulaire"},
    "map_hint": {
        "en": "Check the field each column feeds (type a field name from the list below, "
        "**ignore** to leave a column out on purpose, or leave it empty), confirm the values, "
        "choose the role, then import. The preview follows every edit.",
        "fr": "Vérifiez le champ que chaque colonne alimente (tapez un nom de champ de la liste "
        "ci-dessous, **ignore** pour écarter une colonne volontairement, ou laissez vide), "
        "confirmez les valeurs, choisissez le rôle, puis importez. L'aperçu suit chaque "
        "modification.",
    },
    "map_table": {
        "en": "Form column -> field (edit the field)",
        "fr": "Colonne du formulaire -> champ (modifiez le champ)",
    },
    "map_values": {
        "en": "Values to confirm (edit the value; ⚠: no suggestion, give one)",
        "fr": "Valeurs à confirmer (modifiez la valeur ; ⚠ : aucune suggestion, indiquez-en une)",
    },
    "map_preview": {
        "en": "First 5 rows, as they will be imported",
        "fr": "5 premières lignes, telles qu'elles seront importées",
    },
    "map_role": {"en": "Role of everybody in this file", "fr": "Rôle de chacun dans ce fichier"},
    "role_from_file": {"en": "from the file", "fr": "d'après le fichier"},
    "map_import": {"en": "Import with this mapping", "fr": "Importer avec cette association"},
    "map_cancel": {"en": "Cancel", "fr": "Annuler"},
    "map_cancelled": {
        "en": "Import cancelled: nothing was stored.",
        "fr": "Import annulé : rien n'a été enregistré.",
    },
    "map_update": {
        "en": "Update people imported from another form, or who change side",
        "fr": "Mettre à jour les personnes venues d'un autre formulaire, ou qui changent de rôle",
    },
    "map_partial": {
        "en": "Import the valid rows only (report the others)",
        "fr": "Importer seulement les lignes valides (signaler les autres)",
    },
    "map_needed": {
        "en": "This file's columns are not the project's: map them in the step below, then import. "
        "Nothing is stored yet.",
        "fr": "Les colonnes de ce fichier ne sont pas celles du projet : associez-les dans l'étape "
        "ci-dessous, puis importez. Rien n'est encore enregistré.",
    },
    "map_nothing": {"en": "Upload a people file first.", "fr": "Déposez d'abord un fichier de participants."},
    "map_intro": {
        "en": "**{file}**: {rows} rows, {n} columns. Missing for the project: {missing}.",
        "fr": "**{file}** : {rows} lignes, {n} colonnes. Manquent au projet : {missing}.",
    },
    "map_found": {"en": "Columns found: {columns}.", "fr": "Colonnes trouvées : {columns}."},
    "map_proposed": {
        "en": "Below, the proposed mapping: check it.",
        "fr": "Ci-dessous, l'association proposée : vérifiez-la.",
    },
    "map_saved_used": {
        "en": "A mapping was saved for this form at its last import: it is proposed below.",
        "fr": "Une association a été enregistrée pour ce formulaire lors de son dernier import : "
        "elle est proposée ci-dessous.",
    },
    "map_role_guessed": {
        "en": "Role taken from the file name: {role} (change it below if needed).",
        "fr": "Rôle déduit du nom du fichier : {role} (changez-le ci-dessous si besoin).",
    },
    "map_saved_word": {"en": "saved", "fr": "enregistrée"},
    "map_from_saved": {"en": "from the saved mapping", "fr": "d'après l'association enregistrée"},
    "map_value_known": {"en": "from the mapping", "fr": "d'après l'association"},
    "map_no_suggestion": {
        "en": "no suggestion: type a value",
        "fr": "aucune suggestion : indiquez une valeur",
    },
    "map_fields_help": {
        "en": "**Fields**: {fields}. Several columns may feed profile, offers, wants and languages.",
        "fr": "**Champs** : {fields}. Plusieurs colonnes peuvent alimenter profile, offers, wants et "
        "languages.",
    },
    "map_bad_field": {
        "en": "column '{column}': '{value}' is not a field; use one of {fields}, or leave it empty",
        "fr": "colonne « {column} » : « {value} » n'est pas un champ ; utilisez {fields}, ou laissez vide",
    },
    "map_bad_years": {
        "en": "'{answer}': '{value}' is not a number of years",
        "fr": "« {answer} » : « {value} » n'est pas un nombre d'années",
    },
    "map_bad_language": {
        "en": "'{answer}': '{value}' is not a language code (en, fr, es, pt...)",
        "fr": "« {answer} » : « {value} » n'est pas un code de langue (en, fr, es, pt...)",
    },
    "map_problems": {
        "en": "{n} problem(s) in {rows} row(s): fix the mapping, or import the valid rows only.",
        "fr": "{n} problème(s) sur {rows} ligne(s) : corrigez l'association, ou n'importez que les "
        "lignes valides.",
    },
    "map_more": {"en": "and {n} more", "fr": "et {n} de plus"},
    "map_all_valid": {"en": "All {n} rows can be imported.", "fr": "Les {n} lignes peuvent être importées."},
    "map_unused": {"en": "Not used: {columns}.", "fr": "Non utilisées : {columns}."},
    "map_ignored": {"en": "Ignored on purpose: {columns}.", "fr": "Écartées volontairement : {columns}."},
    "map_ids": {
        "en": "No id column: ids will be generated for {n} rows (from the e-mail address, else the name).",
        "fr": "Pas de colonne id : un id sera créé pour {n} lignes (d'après l'e-mail, sinon le nom).",
    },
    "map_langs_guessed": {
        "en": "Languages guessed from the texts for {n} row(s) (none given).",
        "fr": "Langues devinées d'après les textes pour {n} ligne(s) (aucune indiquée).",
    },
    "map_guessed": {"en": "guessed", "fr": "devinées"},
    "map_imported": {
        "en": "Imported {n} participant(s) from {file} (role: {role}).",
        "fr": "{n} participant(s) importé(s) depuis {file} (rôle : {role}).",
    },
    "map_ids_made": {
        "en": "Ids generated for {n} rows ({how}):",
        "fr": "Ids créés pour {n} lignes ({how}) :",
    },
    "from_email": {"en": "from the e-mail address", "fr": "d'après l'e-mail"},
    "from_name": {"en": "from the name", "fr": "d'après le nom"},
    "from_row": {"en": "from the response's answers", "fr": "d'après les réponses"},
    "map_names_made": {
        "en": "Names made from the e-mail address for {n} rows.",
        "fr": "Noms créés d'après l'e-mail pour {n} lignes.",
    },
    "map_names_rows": {
        "en": "No name in the form for {n} rows: each is named after its file and row "
              "(e.g. '{example}'); edit them under Participants.",
        "fr": "Pas de nom dans le formulaire pour {n} lignes : chacune porte le nom de son "
              "fichier et de sa ligne (par ex. « {example} ») ; modifiez-les sous Participants.",
    },
    "map_langs_report": {
        "en": "Languages guessed from the texts (none given):",
        "fr": "Langues devinées d'après les textes (aucune indiquée) :",
    },
    "map_skipped": {"en": "{n} row(s) skipped:", "fr": "{n} ligne(s) écartée(s) :"},
    "map_saved_for_next": {
        "en": "Mapping saved: the next file with these columns will use it.",
        "fr": "Association enregistrée : le prochain fichier avec ces colonnes l'utilisera.",
    },
    "warn_looks_like": {
        "en": "column '{column}' looks like {field} but is not used",
        "fr": "la colonne « {column} » ressemble à {field} mais n'est pas utilisée",
    },
    "warn_no_language": {
        "en": "row {row}: no languages given or guessed: counts as speaking every language",
        "fr": "ligne {row} : aucune langue indiquée ni devinée : compte comme parlant toutes les langues",
    },
    "warn_no_years": {
        "en": "no column feeds years_experience: map the seniority or experience column",
        "fr": "aucune colonne n'alimente years_experience : associez la colonne d'ancienneté ou d'expérience",
    },
    "warn_no_text": {
        "en": "no column feeds profile, offers or wants: every person needs a text",
        "fr": "aucune colonne n'alimente profile, offers ou wants : chacun a besoin d'un texte",
    },
    "row_word": {"en": "row", "fr": "ligne"},
    "column_word": {"en": "column", "fr": "colonne"},
    "field_id": {"en": "identifier", "fr": "identifiant"},
    "field_name": {"en": "name", "fr": "nom"},
    "field_years_experience": {"en": "years of experience", "fr": "années d'expérience"},
    "field_department": {"en": "department", "fr": "service"},
    "field_role": {"en": "job title", "fr": "poste"},
    "field_location": {"en": "location", "fr": "lieu"},
    "field_languages": {"en": "languages", "fr": "langues"},
    "field_profile": {"en": "profile", "fr": "profil"},
    "field_offers": {"en": "can share", "fr": "peut partager"},
    "field_wants": {"en": "wants to learn", "fr": "souhaite apprendre"},
    "field_role_preference": {"en": "mentor or mentee", "fr": "mentor ou mentoré"},
    "field_capacity": {"en": "capacity", "fr": "capacité"},
    "field_manager_id": {"en": "manager", "fr": "manager"},
    "field_email": {"en": "e-mail", "fr": "e-mail"},
    "field_level": {"en": "level (on the programme's ladder)",
                    "fr": "niveau (sur l'échelle du programme)"},
    "field_utc_offset": {"en": "time zone", "fr": "fuseau horaire"},
    "field_preferences": {"en": "preferences about the partner",
                          "fr": "préférences sur le binôme"},
    "field_ignore": {"en": "left out on purpose", "fr": "écartée volontairement"},
    "theme_about": {"en": "Notes about {words}", "fr": "Séances sur {words}"},
    "theme_n": {"en": "Theme {n}", "fr": "Thème {n}"},
    "and": {"en": "and", "fr": "et"},
    "relevance": {"en": "relevance", "fr": "pertinence"},
    "sessions_axis": {"en": "sessions", "fr": "séances"},
    "score_axis": {"en": "match (%)", "fr": "accord (%)"},
    "pairs_axis": {"en": "pairs", "fr": "binômes"},
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
    "match": {"en": "match", "fr": "accord"},
    "field": {"en": "field", "fr": "champ"},
    "source": {"en": "form column", "fr": "colonne du formulaire"},
    "why": {"en": "how it is read", "fr": "lecture"},
    "examples": {"en": "examples", "fr": "exemples"},
    "drawn_title": {"en": "title", "fr": "titre"},
    "wishes": {"en": "wishes", "fr": "souhaits"},
    "wishers": {"en": "whose wishes", "fr": "souhaits de"},
    "confidence": {"en": "confidence", "fr": "confiance"},
    "answer": {"en": "answer in the form", "fr": "réponse du formulaire"},
    "value": {"en": "value", "fr": "valeur"},
    "suggestion": {"en": "suggestion", "fr": "suggestion"},
    "side": {"en": "mentor / mentee", "fr": "mentor / mentoré"},
    "offers_col": {"en": "can share", "fr": "peut partager"},
    "wants_col": {"en": "wants to learn", "fr": "souhaite apprendre"},
}

_WORDS: dict[str, dict[str, str]] = {
    # statuses of a pair
    "proposed": {"en": "proposed", "fr": "proposé"},
    "accepted": {"en": "accepted", "fr": "accepté"},
    "rejected": {"en": "rejected", "fr": "refusé"},
    "active": {"en": "active", "fr": "actif"},
    "ended": {"en": "ended", "fr": "terminé"},
    "locked": {"en": "locked", "fr": "verrouillé"},
    "unlocked": {"en": "unlocked", "fr": "déverrouillé"},
    # role preferences
    "mentor": {"en": "mentor", "fr": "mentor"},
    "mentee": {"en": "mentee", "fr": "mentoré"},
    "either": {"en": "either", "fr": "l'un ou l'autre"},
    # match levels
    "strong": {"en": "strong", "fr": "fort"},
    "good": {"en": "good", "fr": "bon"},
    "fair": {"en": "fair", "fr": "moyen"},
    "weak": {"en": "weak", "fr": "faible"},
}

LEVELS: tuple[tuple[str, float], ...] = (("strong", 0.6), ("good", 0.45), ("fair", 0.3),
                                         ("weak", float("-inf")))
"""Match levels, best first, with the lowest score of each (a score is a share of 1: the
parts, what the mentor offers for the mentee's wishes, what the mentee gives back and the
cross-department bonus, add up to it). Set from the demo programme and the labelled cohort:
designed complementary pairs score 0.6 and above, plausible ones 0.45-0.6, pairs resting on a
loose link 0.3-0.45, and below 0.3 no offer answers a wish closely (the reasons then say so).
"""


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


def word(key: str, lang: str) -> str:
    """A status, role or level in ``lang`` (the key itself when unknown)."""
    entry = _WORDS.get(key)
    return entry.get(lang, entry["en"]) if entry else key


def level_of(score: float) -> str:
    """``strong``, ``good``, ``fair`` or ``weak`` (see :data:`LEVELS`)."""
    return next(name for name, lowest in LEVELS if score >= lowest)


def level_floor(level: str) -> float:
    return dict(LEVELS)[level]


