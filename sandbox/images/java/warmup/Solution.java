// Built at image build time only: a run of the launcher on it records the classes a grading loads
// (the CDS archive), so the real runs start faster.
public class Solution {
    public static int twice(int value) {
        return 2 * value;
    }

    public static void main(String[] args) {
        System.out.println(new java.util.Scanner(System.in).hasNext() ? twice(21) : 0);
    }
}
