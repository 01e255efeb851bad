package main

// Kinds of function word.
const (
	fn  = 1 // closed-class word
	fin = 2 // closed-class word that is a finite verb form (auxiliary, modal, contraction with one)
)

// functionWords is the hand-curated closed class: determiners, pronouns,
// prepositions, conjunctions, auxiliaries, modals and common particles.
var functionWords = map[string]int{}

func init() {
	add := func(kind int, words string) {
		for _, w := range splitWords(words) {
			functionWords[w] = kind
		}
	}
	// Determiners and quantifiers.
	add(fn, `a an the this that these those my your his her its our their whose
		some any no every each either neither all both few many much more most several
		such what which whatever whichever another other enough less least fewer fewest`)
	// Pronouns.
	add(fn, `i me you he him she it we us they them myself yourself himself herself itself
		ourselves yourselves themselves oneself mine yours hers ours theirs who whom whoever whomever
		someone somebody something anyone anybody anything everyone everybody everything
		nobody nothing none one ones thou thee thy thine ye`)
	// Prepositions.
	add(fn, `about above across after against along alongside amid amidst among amongst around as at
		atop before behind below beneath beside besides between beyond by concerning despite down during
		except for from in inside into like near nearby of off on onto opposite out outside over past
		per regarding since than through throughout till to toward towards under underneath unlike until
		unto up upon via with within without versus`)
	// Conjunctions, relative and interrogative adverbs.
	add(fn, `and or but nor so yet because although though if unless while whilst whereas whether
		lest once when whenever where wherever whereby why how however`)
	// Particles and common closed-class adverbs.
	add(fn, `not there here also too very just only even then thus hence`)
	// Auxiliaries that are never finite.
	add(fn, `be been being having`)
	// Finite auxiliaries and modals, and contractions holding one.
	add(fin, `am is are was were have has had do does did
		can could may might must shall should will would ought cannot
		isn't aren't wasn't weren't haven't hasn't hadn't don't doesn't didn't
		can't couldn't mayn't mightn't mustn't shan't shouldn't won't wouldn't oughtn't needn't daren't ain't
		i'm you're he's she's it's we're they're i've you've we've they've
		i'd you'd he'd she'd we'd they'd i'll you'll he'll she'll it'll we'll they'll
		let's that's there's here's what's who's where's how's
		could've should've would've might've must've`)
}

func splitWords(s string) []string {
	var out []string
	start := -1
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == ' ' || s[i] == '\n' || s[i] == '\t' {
			if start >= 0 {
				out = append(out, s[start:i])
				start = -1
			}
		} else if start < 0 {
			start = i
		}
	}
	return out
}

// participles are irregular past participles that are never a past tense
// ("gone", not "went"); the generator adds the regular shapes (-en, -wn,
// -rn, sung beside sang) it finds among WordNet's exceptions.
var participles = set(`arisen awoken been beaten become begun bidden bitten blown borne born broken
	chosen done drawn driven drunk eaten fallen flown forbidden forgiven forgone foregone foreseen
	forgotten forsaken frozen gone given gotten grown hidden known lain mistaken outdone outgrown
	overcome overdone overgrown overseen overtaken overthrown proven redone retaken rewritten
	ridden risen rung seen sewn shaken shorn shown shrunk slain smitten sown spoken sprung stolen
	stricken striven stunk sung sunk swollen sworn swum taken thrown torn trodden undergone
	undertaken underwritten undone withdrawn woken worn woven written mown hewn strewn`)

// pastTense are irregular forms that look like participles but are (also)
// past tenses.
var pastTense = set(`ran began swam sang rang drank sank shrank sprang stank`)

func set(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range splitWords(s) {
		m[w] = true
	}
	return m
}
