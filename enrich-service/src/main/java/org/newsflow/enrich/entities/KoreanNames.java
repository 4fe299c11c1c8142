package org.newsflow.enrich.entities;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * People and organisations in Korean text, which has no capitals but spaces between words, a particle attached
 * to the end of a noun ("제주항공은", "대통령이"):
 * <ul>
 * <li>a person is a word of three syllables starting with a common surname and followed by a title or role
 * ("윤민수 대통령은", "김하나 기자");</li>
 * <li>an organisation is a word of three syllables or more ending in a word that makes one (항공, 은행, 대학교,
 * 위원회, 신문, 방송, 청 …).</li>
 * </ul>
 */
public final class KoreanNames {

    /** Particles attached to a noun, longest first. */
    private static final List<String> PARTICLES = List.of("에서는", "으로는", "에서도", "에게서", "으로서", "까지", "부터",
            "에서", "에게", "에는", "에도", "으로", "이나", "과의", "와의", "은", "는", "이", "가", "을", "를", "의", "에", "로",
            "와", "과", "도", "만");
    /** The most common Korean surnames (one syllable each). */
    private static final String SURNAMES = "김이박최정강조윤장임한오서신권황안송류전홍고문양손배백허유남심노하곽성차주우구민진나지엄채원천방공현함변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국어은편용";
    private static final List<String> TITLES = List.of("대통령", "장관", "의원", "대표", "씨", "기자", "총리", "위원장", "회장",
            "사장", "교수", "감독", "선수", "대변인", "청장", "시장", "지사", "총장", "원장", "부장", "차관", "대사", "후보");
    private static final List<String> ORGANISATION_ENDINGS = List.of("항공", "은행", "대학교", "위원회", "협회", "재단",
            "연구원", "연구소", "그룹", "전자", "자동차", "신문", "일보", "방송", "통신", "뉴스", "공사", "공단", "경찰청",
            "기상청", "소방청", "검찰청", "법원", "정당");

    /** Common nouns that end like an organisation's name: "항공사" (an airline), "방송사" (a broadcaster). */
    private static final List<String> COMMON_NOUNS = List.of("항공사", "방송사", "신문사", "통신사", "은행권", "대학교수");

    record Name(String text, boolean person) {
    }

    private KoreanNames() {
    }

    /** The word without an attached particle ("제주항공은" → "제주항공"), never shorter than two syllables. */
    public static String withoutParticle(String word) {
        for (String particle : PARTICLES) {
            if (word.endsWith(particle) && word.length() - particle.length() >= 2) {
                return word.substring(0, word.length() - particle.length());
            }
        }
        return word;
    }

    static List<Name> find(String text) {
        String[] words = text.split("[\\s\\p{Punct}“”‘’·…]+");
        Map<String, Boolean> names = new LinkedHashMap<>();
        for (int i = 0; i < words.length; i++) {
            String word = words[i];
            if (word.isEmpty() || !hangul(word)) {
                continue;
            }
            String bare = withoutParticle(word);
            String next = i + 1 < words.length ? words[i + 1] : "";
            if (bare.length() == 3 && SURNAMES.indexOf(bare.charAt(0)) >= 0 && TITLES.stream().anyMatch(next::startsWith)) {
                names.putIfAbsent(bare, true);
                continue;
            }
            if (bare.length() >= 3 && ORGANISATION_ENDINGS.stream().anyMatch(bare::endsWith) && !COMMON_NOUNS.contains(bare)) {
                names.putIfAbsent(bare, false);
            }
        }
        List<Name> found = new ArrayList<>();
        names.forEach((name, person) -> found.add(new Name(name, person)));
        return found;
    }

    private static boolean hangul(String word) {
        return word.codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HANGUL);
    }
}
