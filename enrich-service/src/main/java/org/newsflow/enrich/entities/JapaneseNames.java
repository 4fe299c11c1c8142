package org.newsflow.enrich.entities;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.ja.JapaneseTokenizer;
import org.apache.lucene.analysis.ja.tokenattributes.PartOfSpeechAttribute;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * People, organisations and places in Japanese text, by part of speech: Kuromoji's dictionary (IPADIC, in Lucene)
 * tags proper nouns as a person's surname or given name, an organisation or a region. Words are read in
 * compounds — adjacent nouns, as Japanese writes "東京消防庁" (Tokyo + fire department) — and a compound is a
 * person from a surname on, an organisation when it ends in an organisation's name or in a word that makes one
 * (庁, 省, 党, 銀行, 大学 …), and a place when it is a region with an administrative ending (県, 市, 駅, 空港 …).
 */
public final class JapaneseNames {

    /** What a compound names. */
    public enum Kind {
        PERSON, ORGANISATION, PLACE
    }

    public record Name(String text, Kind kind) {
    }

    private record Token(String text, String pos, int start, int end) {
        boolean is(String tag) {
            return pos.startsWith(tag);
        }
    }

    /** Endings that make a compound an organisation's name. */
    private static final List<String> ORGANISATION_ENDINGS = List.of("庁", "省", "局", "党", "社", "銀行", "大学", "病院",
            "機構", "研究所", "研究機構", "委員会", "協会", "連盟", "自衛隊", "隊", "会社", "公社", "航空", "新聞", "放送",
            "通信", "裁判所", "警察", "署", "政府", "議会", "組合", "財団", "学会", "センター", "グループ", "ホールディングス");
    /** Endings that make a region a place: prefecture, city, station, airport … */
    private static final List<String> PLACE_ENDINGS = List.of("県", "府", "都", "道", "市", "町", "村", "区", "郡", "州", "省",
            "駅", "空港", "港", "島", "半島", "湾", "川", "山");
    /** Places that the dictionary may tag as an organisation. */
    private static final List<String> FACILITY_ENDINGS = List.of("空港", "駅", "港");
    /** First characters that make a compound refer back or generalise ("同党": the same party; "各省"). */
    private static final Set<String> GENERIC_STARTS = Set.of("同", "各", "両", "当", "本", "全", "他");
    /** Nouns that end a person's name where the dictionary does not: titles and forms of address. */
    private static final Set<String> AFTER_NAMES = Set.of("氏", "さん", "様", "容疑者", "被告", "首相", "大統領", "総統",
            "議員", "長官", "大臣", "知事", "市長", "社長", "会長", "教授", "監督", "選手", "元首相", "総裁", "代表", "記者");

    private static final ThreadLocal<JapaneseTokenizer> TOKENIZER = ThreadLocal
            .withInitial(() -> new JapaneseTokenizer(null, true, JapaneseTokenizer.Mode.NORMAL));

    private JapaneseNames() {
    }

    /** The last text read on this thread and its names: NameFinder and PlaceFinder both ask for the same article's. */
    private record Read(String text, List<Name> names) {
    }

    private static final ThreadLocal<Read> LAST = new ThreadLocal<>();

    /** Every name of the text in order of first mention, each once; a lone surname is folded into the full name. */
    public static List<Name> find(String text) {
        Read last = LAST.get();
        if (last != null && last.text().equals(text)) {
            return last.names();
        }
        List<Name> names = readNames(text);
        LAST.set(new Read(text, names));
        return names;
    }

    private static List<Name> readNames(String text) {
        Map<String, Kind> names = new LinkedHashMap<>();
        for (List<Token> compound : compounds(tokens(text))) {
            read(compound, names);
        }
        // "安倍" alone, after "安倍晋三": the same person
        names.entrySet().removeIf(e -> e.getValue() == Kind.PERSON && names.keySet().stream()
                .anyMatch(full -> !full.equals(e.getKey()) && names.get(full) == Kind.PERSON && full.startsWith(e.getKey())));
        List<Name> found = new ArrayList<>();
        names.forEach((name, kind) -> found.add(new Name(name, kind)));
        return List.copyOf(found);
    }

    private static void read(List<Token> compound, Map<String, Kind> names) {
        for (int i = 0; i < compound.size(); i++) {
            if (compound.get(i).is("名詞-固有名詞-人名-姓")) {
                int end = i + 1;
                while (end < compound.size() && personGoesOn(compound.get(end))) {
                    end++;
                }
                boolean given = end > i + 1;
                boolean addressed = end < compound.size() && AFTER_NAMES.contains(compound.get(end).text());
                if (given || addressed) {
                    names.putIfAbsent(join(compound, i, end), Kind.PERSON);
                    if (end == compound.size() || !given) {
                        return;
                    }
                }
            }
        }
        int from = 0;
        for (int i = 0; i < compound.size(); i++) {
            Token token = compound.get(i);
            if (token.is("名詞-数") || token.is("名詞-接尾-助数詞") || latin(token.text())) {
                from = i + 1; // "3年間海上自衛隊", "JAXA宇宙科学研究所": the name starts after the number or the aside
            }
        }
        if (from == compound.size()) {
            return;
        }
        compound = compound.subList(from, compound.size());
        String whole = join(compound, 0, compound.size());
        Token last = compound.get(compound.size() - 1);
        boolean generic = GENERIC_STARTS.contains(whole.substring(0, 1)) || whole.endsWith("当局");
        if (endsWithAny(whole, FACILITY_ENDINGS) && whole.length() > 2) {
            names.putIfAbsent(whole, Kind.PLACE); // "新千歳空港": an airport is a place, though an operator's name
        } else if (!generic && (last.is("名詞-固有名詞-組織")
                || endsWithAny(whole, ORGANISATION_ENDINGS) && compound.size() > 1)) {
            names.putIfAbsent(whole, Kind.ORGANISATION);
        } else if (compound.stream().anyMatch(t -> t.is("名詞-固有名詞-地域")) && compound.size() > 1
                && endsWithAny(whole, PLACE_ENDINGS)) {
            names.putIfAbsent(whole, Kind.PLACE);
        } else if (compound.size() == 1 && last.is("名詞-固有名詞-一般") && endsWithAny(whole, PLACE_ENDINGS)
                && whole.length() > 2) {
            names.putIfAbsent(whole, Kind.PLACE); // "羽田空港": one word in the dictionary
        }
    }

    /** A given name, or the single characters the dictionary splits an unusual one into ("晋" + "三"). */
    private static boolean personGoesOn(Token token) {
        return token.is("名詞-固有名詞-人名-名") || (token.text().length() == 1 && !AFTER_NAMES.contains(token.text())
                && Character.UnicodeScript.of(token.text().codePointAt(0)) == Character.UnicodeScript.HAN
                && token.is("名詞") && !token.is("名詞-接尾"));
    }

    /** Runs of adjacent nouns (with prefixes and noun suffixes), the units Japanese names are written in. */
    private static List<List<Token>> compounds(List<Token> tokens) {
        List<List<Token>> compounds = new ArrayList<>();
        List<Token> current = new ArrayList<>();
        for (Token token : tokens) {
            boolean joins = token.is("名詞") && !token.is("名詞-非自立") && !token.is("名詞-代名詞")
                    && !token.is("名詞-副詞可能") || token.is("接頭詞-名詞接続");
            boolean adjacent = !current.isEmpty() && current.get(current.size() - 1).end() == token.start();
            if (!joins || !adjacent) {
                if (!current.isEmpty()) {
                    compounds.add(current);
                }
                current = new ArrayList<>();
            }
            if (joins) {
                current.add(token);
            }
        }
        if (!current.isEmpty()) {
            compounds.add(current);
        }
        return compounds;
    }

    private static List<Token> tokens(String text) {
        JapaneseTokenizer tokenizer = TOKENIZER.get();
        List<Token> tokens = new ArrayList<>();
        try {
            tokenizer.setReader(new StringReader(text));
            CharTermAttribute term = tokenizer.addAttribute(CharTermAttribute.class);
            PartOfSpeechAttribute pos = tokenizer.addAttribute(PartOfSpeechAttribute.class);
            OffsetAttribute offset = tokenizer.addAttribute(OffsetAttribute.class);
            tokenizer.reset();
            while (tokenizer.incrementToken()) {
                String tag = pos.getPartOfSpeech();
                tokens.add(new Token(term.toString(), tag == null ? "" : tag, offset.startOffset(), offset.endOffset()));
            }
            tokenizer.end();
        } catch (IOException e) {
            throw new UncheckedIOException("reading a string cannot fail", e);
        } finally {
            try {
                tokenizer.close();
            } catch (IOException e) {
                // closing a tokenizer over a string releases nothing that can fail
            }
        }
        return tokens;
    }

    private static String join(List<Token> tokens, int from, int to) {
        StringBuilder joined = new StringBuilder();
        tokens.subList(from, to).forEach(t -> joined.append(t.text()));
        return joined.toString();
    }

    /** The name without its administrative or facility ending ("奈良県" → "奈良"), or itself. */
    public static String withoutPlaceEnding(String place) {
        for (List<String> endings : List.of(FACILITY_ENDINGS, PLACE_ENDINGS)) {
            for (String ending : endings) {
                if (place.endsWith(ending) && place.length() > ending.length() + 1) {
                    return place.substring(0, place.length() - ending.length());
                }
            }
        }
        return place;
    }

    private static boolean endsWithAny(String text, List<String> endings) {
        return endings.stream().anyMatch(text::endsWith);
    }

    private static boolean latin(String text) {
        return text.codePoints().filter(Character::isLetter)
                .allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN);
    }
}
